/** How the people index orders names: by surname, as a reader looks a person up. */

/** Words that join a compound surname's parts ("Núñez de Escorcia", "Pinto da Costa"). */
const SURNAME_PARTICLES = new Set([
  'de',
  'del',
  'della',
  'di',
  'da',
  'das',
  'do',
  'dos',
  'du',
  'la',
  'las',
  'los',
  'y',
  'e',
  'van',
  'von',
  'der',
  'den',
  'ten',
  'ter',
]);

/**
 * People sort by the last word of their name, titles and post-nominals aside ("Baroness Royall"
 * under R); a peer by the name before their territorial designation ("Lord Alton of Liverpool"
 * under A, not L); a compound surname by its first part ("Vilma Núñez de Escorcia" under N),
 * a particle after the given name aside ("Ludwig van Beethoven" under B).
 */
export function surnameFirst(name: string): string {
  const peer = /^(?:The\s+)?(?:Rt Hon\s+)?(?:Lord|Baroness|Lady|Viscount|Earl|Countess)\s/.test(name);
  const words = (peer ? name.replace(/\s+of\s+.*$/, '') : name)
    .replace(/\b(Rt Hon|Lord|Baroness|Lady|Viscount|Earl|Countess|Sir|Dame|Dr|Prof|Professor|Mr|Mrs|Ms)\b\.?/g, '')
    .trim()
    .split(/\s+/);
  const plain = words.filter((word) => !/^(QC|KC|MP|MEP|OBE|CBE|MBE|DBE|KBE)$/.test(word));
  // The first particle standing after two words or more begins the compound at the word before it.
  // "de la Cruz" after the given name is no compound: its particles stand together, aside.
  const particle = plain.findIndex(
    (word, at) =>
      at >= 2 && at < plain.length - 1 && SURNAME_PARTICLES.has(word) && !SURNAME_PARTICLES.has(plain[at - 1]!) && !SURNAME_PARTICLES.has(plain[at + 1]!),
  );
  const surnameAt = particle === -1 ? plain.length - 1 : particle - 1;
  return plain.length > 1 ? `${plain.slice(surnameAt).join(' ')} ${plain.slice(0, surnameAt).join(' ')}` : plain.join(' ');
}
