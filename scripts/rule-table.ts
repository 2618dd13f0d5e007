/**
 * The README's table of rules, made from each rule's metadata (id, severity, description).
 * `npm run docs:rules` writes it between the README's rule-table markers; a test fails when
 * the README and the rules part.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checksInOrder } from '../src/validate/rules/index.js';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
const START = '<!-- rule-table: made by npm run docs:rules from each rule’s metadata -->';
const END = '<!-- /rule-table -->';

export function ruleTable(): string {
  const rows = checksInOrder().map(({ id, severity, description }) => `| \`${id}\` | ${severity} | ${description.replaceAll('|', '\\|')} |`);
  return ['| rule | severity | what it finds |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The README with its table replaced by `table`. */
export function withTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(README, withTable(readFileSync(README, 'utf8'), ruleTable()));
}
