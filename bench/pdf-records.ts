/**
 * Records for the PDF bench: a long one of N attributed points with sections, a table and
 * a link, and a typical two-page briefing. Seeded, so every run lays out the same pages.
 */
import { random } from './generate.js';

const WORDS =
  'defenders rights communities investment pipeline protection government ministry lawyers journalists consultation concessions licences violence impunity reform courts evidence families villages elections parliament detention torture release monitoring sanctions embassy'.split(
    ' ',
  );

const FRONT = `---
title: Colombia – A Long Record for the PDF Bench
date: 2023-03-01
hosts:
  - the All-Party Parliamentary Human Rights Group (PHRG)
chair:
  key: WL
  name: Władysław Żółkiewski-Łęcki
  role: Vice-Chair, PHRG
speakers:
  - key: MF
    name: María Fernández Ortíz
    role: Directora, Comisión Colombiana de Juristas (CCJ)
  - key: SG
    name: Szymon Gąsiorowski
    role: Researcher, HFHR
tags: [Colombia, human rights defenders]
---

The main points made were as follows:
`;

/** `points` attributed points (about four to a page), a section heading every 40. */
export function longRecord(points: number, seed = 5): string {
  const rand = random(seed);
  const pick = (): string => WORDS[Math.floor(rand() * WORDS.length)]!;
  const out: string[] = [FRONT];
  for (let i = 0; i < points; i++) {
    if (i > 0 && i % 40 === 0) out.push(`\n## Session ${i / 40 + 1}\n`);
    const words = Array.from({ length: 20 + Math.floor(rand() * 50) }, pick).join(' ');
    const who = ['MF', 'SG', 'MF + SG', 'WL'][i % 4];
    out.push(`- Point ${i + 1}: ${words.charAt(0).toUpperCase()}${words.slice(1)}. (${who})`);
    if (i % 97 === 50) out.push(`\n| Year | Cases |\n| --- | --- |\n| 2015 | 12 |\n| 2016 | 19 |\n\nSee the [report](https://example.org/report/${i}).\n`);
  }
  return `${out.join('\n')}\n`;
}
