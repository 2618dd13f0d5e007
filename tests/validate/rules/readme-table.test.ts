/** The README's table of rules is the rules' own metadata: every id, its severity and what it finds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, ruleTable, withTable } from '../../../scripts/rule-table.js';
import { RULE_IDS, RULES } from '../../../src/validate/rules/index.js';

describe('the README’s table of rules', () => {
  const readme = readFileSync(README, 'utf8');

  it('is the table made from the rules’ metadata (run npm run docs:rules after changing a rule)', () => {
    expect(withTable(readme, ruleTable())).toBe(readme);
  });

  it('has a row for every rule and check id, with the severity the rule has', () => {
    const table = ruleTable();
    for (const id of RULE_IDS) expect(table, id).toContain(`| \`${id}\` |`);
    for (const rule of RULES) expect(table).toContain(`| \`${rule.id}\` | ${rule.severity} | ${rule.description} |`);
  });

  it('would notice a rule whose description changed', () => {
    const changed = readme.replace('| a speaker with a key who makes no attributed point |', '| something else |');
    expect(withTable(changed, ruleTable())).not.toBe(changed);
  });
});
