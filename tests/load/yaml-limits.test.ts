import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitAtFences } from '../../src/load/frontmatter.js';
import { MAX_YAML_NESTING, yamlLimitProblem } from '../../src/load/yaml-limits.js';
import { REPO } from '../helpers/cli.js';

/** The line and column (1-based) where the YAML passes the bound, if it does. */
function at(yaml: string): string | undefined {
  const problem = yamlLimitProblem(yaml);
  if (!problem) return undefined;
  const before = yaml.slice(0, problem.start);
  return `${before.split('\n').length}:${problem.start - before.lastIndexOf('\n')}`;
}

/** `levels` lists nested in flow style under the key `tags`, itself one level (the front-matter's mapping). */
const flow = (levels: number): string => `tags: ${'['.repeat(levels)}a${']'.repeat(levels)}\n`;

describe(`the front-matter's nesting, at most ${MAX_YAML_NESTING} deep`, () => {
  it('allows the limit and refuses the next level, where it opens, in flow style', () => {
    expect(at(flow(MAX_YAML_NESTING - 1))).toBeUndefined();
    // The mapping is level 1, so the 32nd bracket opens level 33.
    expect(at(flow(MAX_YAML_NESTING))).toBe(`1:${'tags: '.length + MAX_YAML_NESTING}`);
    expect(at(`tags: ${'{a: '.repeat(MAX_YAML_NESTING)}1${'}'.repeat(MAX_YAML_NESTING)}\n`)).toBe(`1:${'tags: '.length + 4 * (MAX_YAML_NESTING - 1) + 1}`);
    expect(yamlLimitProblem(flow(MAX_YAML_NESTING))?.message).toBe(
      `the front-matter nests lists and mappings more than ${MAX_YAML_NESTING} deep here: phrg-brief reads no further`,
    );
  });

  it('counts block levels by their indentation, a list under a key at the key’s own column too', () => {
    const maps = (levels: number): string => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:\n`).join('') + `${' '.repeat(levels)}v\n`;
    expect(at(maps(MAX_YAML_NESTING))).toBeUndefined();
    expect(at(maps(MAX_YAML_NESTING + 1))).toBe(`${MAX_YAML_NESTING + 1}:${MAX_YAML_NESTING + 1}`);
    // k: / - k: / - k: …, each list at its key's column: two levels for each column or two.
    const listed = (pairs: number): string =>
      'k:\n' + Array.from({ length: pairs }, (_, i) => `${' '.repeat(2 * i)}- k:\n`).join('') + `${' '.repeat(2 * pairs)}- v\n`;
    expect(at(listed(15))).toBeUndefined();
    expect(at(listed(16))).toMatch(/^\d+:\d+$/);
  });

  it('refuses `- ` repeated on one line at the indicator that passes the limit, however long the line', () => {
    expect(at(`tags:\n  ${'- '.repeat(MAX_YAML_NESTING - 1)}a\n`)).toBeUndefined();
    // The syntax tree would recurse once per level here: the line alone decides.
    expect(at(`tags:\n  ${'- '.repeat(50_000)}a\n`)).toBe(`2:${3 + 2 * MAX_YAML_NESTING}`);
    expect(at(`k:\n  ${'? '.repeat(50_000)}a\n`)).toBe(`2:${3 + 2 * MAX_YAML_NESTING}`);
  });

  it('counts no text as a level: a deeply indented block scalar, brackets in quotes and comments', () => {
    const text = [
      'intro: |',
      ...Array.from({ length: 5 }, () => `${' '.repeat(120)}[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ text`),
      `title: "${'['.repeat(100)}"`,
      `# ${'{'.repeat(100)}`,
      `tags: ['${'['.repeat(100)}', b]`,
      'hosts:',
      '  - -1',
      '  - -a',
    ].join('\n');
    expect(at(text)).toBeUndefined();
  });

  it('passes every record we have', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(dir, entry.name)) : entry.isFile() && entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
      );
    // Apart from the one made to pass it, among the too-complex rule's fixtures.
    const madeDeep = join(REPO, 'tests', 'fixtures', 'rules', 'too-complex', 'front-matter-nested-too-deep.md');
    const all = [...files(join(REPO, 'tests', 'fixtures')), ...files(join(REPO, 'meetings'))].filter((file) => file !== madeDeep);
    expect(all.length).toBeGreaterThan(20);
    for (const file of all) {
      const split = splitAtFences(readFileSync(file, 'utf8'));
      if (split.kind === 'ok') expect(yamlLimitProblem(split.yaml), file).toBeUndefined();
    }
  });
});
