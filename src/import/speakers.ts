/** A briefing's speakers and chairs as its prose gives them, read back into a record's persons. */
import type { RecordData } from '../validate/schema.js';

const NOTE_START = /^(?:which|who|whose|where|a |an |the latter|formerly|previously)/i;

export function parseSpeaker(text: string): NonNullable<RecordData['speakers']>[number] {
  let rest = text.replace(/(?:;\s*and,?|;|,\s*and|\.)\s*$/, '').trim();
  let key: string | undefined;
  // Initials come after the name ("John Crabtree (JC), …") or last, after a dash ("… – (JC)");
  // a bracket at the end without the dash belongs to the role ("… Juristas (CCJ)").
  const afterName = /^([^,()]+?)\s*\(([A-Z][A-Z0-9]{0,5})\)\s*(?:,\s*|$)/.exec(rest);
  const trailingKey = /\s+[–—-]\s+\(([A-Z][A-Z0-9]{0,5})\)$/.exec(rest);
  if (afterName) {
    key = afterName[2];
    rest = `${afterName[1]}${rest.length > afterName[0].length ? `, ${rest.slice(afterName[0].length)}` : ''}`;
  } else if (trailingKey) {
    key = trailingKey[1];
    rest = rest.slice(0, trailingKey.index).trim();
  }
  let onBehalfOf: string | undefined;
  const behalf = /,?\s*speaking on behalf of (.+)$/i.exec(rest);
  if (behalf) {
    onBehalfOf = behalf[1]!.trim();
    rest = rest.slice(0, behalf.index).trim();
  }
  const parts = rest.split(/,\s+/);
  if (!key && parts.length === 1 && !onBehalfOf) return rest;
  const name = parts.shift()!;
  const noteAt = parts.findIndex((part) => NOTE_START.test(part));
  const roleParts = noteAt === -1 ? parts : parts.slice(0, noteAt);
  const noteParts = noteAt === -1 ? [] : parts.slice(noteAt);
  const person: Record<string, string> = {};
  if (key) person.key = key;
  if (NOTE_START.test(name)) person.note = [name, ...parts].join(', ');
  else {
    person.name = name;
    if (roleParts.length) person.role = roleParts.join(', ');
    if (noteParts.length) person.note = noteParts.join(', ');
  }
  if (onBehalfOf) person.onBehalfOf = onBehalfOf;
  return person;
}

/** "Baroness Royall, Vice-Chair, APPG Latin America" or two chairs joined by "and". */
export function parseChairs(text: string, several: boolean): RecordData['chair'] {
  const people = several
    ? text.split(/;\s+(?:and\s+)?|,\s+and\s+|\s+and\s+(?=(?:Lord|Baroness|Lady|Sir|Dame|Dr|Professor|Prof|Mr|Mrs|Ms|Rt Hon)\b|[A-Z][a-z]+ [A-Z][a-z]+)/)
    : [text];
  const chairs = people.map((person) => {
    const [name, ...role] = person.trim().split(/,\s+/);
    return role.length ? { name: name!, role: role.join(', ') } : { name: name! };
  });
  return chairs.length === 1 ? chairs[0] : chairs;
}

/**
 * A published briefing names its chair without initials, though the points may give them:
 * a chair with no key takes the one initials in the body that no speaker has, when they are
 * the chair's own (the capitals of the name, in order: LA for Lord Alton of Liverpool).
 */
export function keyChairFromBody(data: Partial<RecordData>, body: string): void {
  const chair = data.chair;
  if (!chair || Array.isArray(chair) || typeof chair !== 'object' || chair.key !== undefined || !chair.name) return;
  const known = new Set((data.speakers ?? []).flatMap((speaker) => (typeof speaker === 'object' && speaker.key ? [speaker.key] : [])));
  // Attributions end their points: "(LA)." at a line's end, not "(UPR)" within it.
  const used = new Set(
    [...body.matchAll(/\(([A-Z][A-Z0-9]{0,5}(?:\s*[+&,]\s*[A-Z][A-Z0-9]{0,5})*)\)\.?[ \t]*$/gm)].flatMap((match) => match[1]!.split(/\s*[+&,]\s*/)),
  );
  const unknown = [...used].filter((key) => !known.has(key));
  if (unknown.length !== 1) return;
  const key = unknown[0]!;
  const fits = (name: string): boolean => {
    const capitals = capitalsOf(name);
    return key[0] === capitals[0] && isSubsequence(key.replace(/\d/g, ''), capitals);
  };
  // Two letters at least ("Option (A)" is no attribution), and no speaker without initials they fit as well.
  const unkeyed = (data.speakers ?? []).filter((speaker) => typeof speaker === 'object' && speaker.key === undefined && speaker.name);
  if (key.length >= 2 && fits(chair.name) && !unkeyed.some((speaker) => typeof speaker === 'object' && fits(speaker.name!))) chair.key = key;
}

function isSubsequence(letters: string, of: string): boolean {
  let from = 0;
  for (const letter of letters) {
    const found = of.indexOf(letter, from);
    if (found === -1) return false;
    from = found + 1;
  }
  return true;
}

/** The capitals words begin with, in order: "BIRD" of "the Bahrain Institute for Rights and Democracy". */
export function capitalsOf(text: string): string {
  return [...text.matchAll(/\b\p{Lu}/gu)].map((match) => match[0]).join('');
}
