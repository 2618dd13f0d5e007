/**
 * Writes N realistic meeting records: varied lengths, two to five speakers with accented
 * names, attributed points, sometimes a table or a link. Seeded, so a run repeats exactly.
 *
 *   tsx bench/generate.ts <count> <folder> [seed]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: a small, good-enough seeded generator. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['Peru', 'Colombia', 'Bahrain', 'Egypt', 'Poland', 'Hungary', 'Turkey', 'Sri Lanka', 'Myanmar', 'Brazil', 'México', 'Côte d’Ivoire'];
const FIRST = ['María', 'José', 'Zoltán', 'Łucja', 'Ismael', 'John', 'Aisha', 'Nguyễn', 'Søren', 'Chloé', 'Ángel', 'Małgorzata'];
const LAST = ['Fernández', 'Gąsiorowski', 'Ősz', 'Crabtree', 'Vega', 'Hernández', 'Okafor', 'Żółkiewska', 'Müller', 'Ó Briain', 'Nørgaard', 'Pérez'];
const ROLES = [
  'Director, Centro de Estudios Legales (CEL)',
  'Researcher, Helsinki Foundation for Human Rights (HFHR)',
  'Lawyer',
  'Journalist and author',
  'Professor of Law, University of Essex',
  'Campaigns Manager, Amnesty International UK',
];
const WORDS =
  'defenders rights communities investment pipeline protection government ministry lawyers journalists consultation concessions licences violence impunity reform courts evidence families villages elections parliament detention torture release monitoring sanctions embassy'.split(
    ' ',
  );
const KINDS = ['meeting', 'roundtable', 'panel event', 'report launch'];

export function generateRecord(index: number, rand: () => number): { name: string; text: string } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const year = 1975 + Math.floor(rand() * 51);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const country = pick(COUNTRIES);
  const speakers = Array.from({ length: 2 + Math.floor(rand() * 4) }, (_, i) => {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const key = `${
      name
        .normalize('NFD')
        .replace(/[^A-Z]/g, '')
        .slice(0, 3) || 'S'
    }${i}`;
    return { key, name, role: pick(ROLES) };
  });
  const sentence = (n: number): string => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    return `${words[0]!.charAt(0).toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(' ')}.`;
  };
  // Every speaker makes a point, as in a real briefing; then the rest at random.
  const points = Array.from({ length: speakers.length + Math.floor(rand() * 14) }, (_, i) => {
    const speaker = speakers[i] ?? pick(speakers);
    const who = rand() < 0.2 ? `${speaker.key} + ${pick(speakers).key}` : speaker.key;
    return `- ${sentence(10 + Math.floor(rand() * 45))} (${who})`;
  });
  const extras: string[] = [];
  if (rand() < 0.3) extras.push('| Year | Cases |\n| --- | --- |\n| 2015 | 12 |\n| 2016 | 19 |');
  if (rand() < 0.3) extras.push(`See the [report](https://example.org/report/${index}) for more.`);
  const speakerYaml = speakers.map((s) => `  - key: ${s.key}\n    name: ${s.name}\n    role: ${s.role}`).join('\n');

  const text = `---
title: ${country} – Briefing ${index + 1} on Human Rights Defenders (HRDs)
date: ${date}
hosts:
  - the All-Party Parliamentary Human Rights Group (PHRG)
kind: ${pick(KINDS)}
topic: "Human rights in ${country}: challenges and opportunities"
chair:
  name: Baroness ${pick(LAST)}
  role: Vice-Chair, PHRG
speakers:
${speakerYaml}
tags: [${country}, human rights defenders]
---

The main points made were as follows:

${points.join('\n')}
${extras.length ? `\n${extras.join('\n\n')}\n` : ''}
The PHRG will continue to follow developments in ${country}.
`;

  return { name: `${date}-briefing-${index + 1}.md`, text };
}

export function generateRecords(count: number, folder: string, seed = 1): string[] {
  const rand = random(seed);
  mkdirSync(folder, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const { name, text } = generateRecord(i, rand);
    writeFileSync(join(folder, name), text);
    names.push(name);
  }
  return names;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [count = '50', folder = 'bench-records', seed = '1'] = process.argv.slice(2);
  const names = generateRecords(Number(count), folder, Number(seed));
  process.stdout.write(`wrote ${names.length} records to ${folder}\n`);
}
