import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { MAX_YAML_NESTING } from '../../src/load/yaml-limits.js';
import { tempProject } from '../helpers/cli.js';

const project = tempProject();
afterAll(() => project.remove());

describe('a config nested past the bound', () => {
  it('is refused where it passes it, by its own name, before the YAML is composed', async () => {
    project.write('phrg-brief.yaml', `abbreviations:\n  ${'- '.repeat(50_000)}x\n`);
    const dashes = await loadConfig(project.dir);
    expect(dashes.config).toBeUndefined();
    expect(dashes.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'too-complex',
        line: 2,
        column: 3 + 2 * MAX_YAML_NESTING,
        message: `phrg-brief.yaml nests lists and mappings more than ${MAX_YAML_NESTING} deep here: phrg-brief reads no further`,
      }),
    ]);

    // Given with --config: named as given. The mapping is one level, so the 32nd bracket passes.
    project.write('other.yaml', `abbreviations: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const brackets = await loadConfig(project.dir, project.path('other.yaml'));
    expect(brackets.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'too-complex',
        line: 1,
        column: 'abbreviations: '.length + MAX_YAML_NESTING,
        message: expect.stringMatching(/^other\.yaml nests/),
      }),
    ]);
  });
});
