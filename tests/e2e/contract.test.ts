/**
 * Records that follow the contract but differ from the example in every optional way: other
 * hosts and partners, plain-string speakers, unnamed speakers, two chairs, no speakers, an
 * intro override, accents, the Chatham House Rule. Each sentence reads as the contract says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { articleText } from '../helpers/html.js';

let project: TempProject;
let result: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  project = tempProject();
  result = await runCli(['build', join(FIXTURES, 'records', 'ok'), '--out', 'site'], project.dir);
});
afterAll(() => project?.remove());

const text = (slug: string): string => articleText(readFileSync(project.path('site', `${slug}.html`), 'utf8'));

describe('records of other shapes', () => {
  it('build without a diagnostic', () => {
    expect(result.code, result.stdout).toBe(0);
    expect(result.stderr).toContain('0 errors, 0 warnings');
  });

  it('a roundtable with partners, countries as speakers, an unnamed speaker and two chairs', () => {
    const briefing = text('2019-03-12-hrds-roundtable');
    expect(briefing).toContain('12/3/19: Human Rights Defenders (HRDs) at Risk – Egypt, Bahrain and Saudi Arabia');
    expect(briefing).toContain(
      'The All-Party Parliamentary Human Rights Group (PHRG), in conjunction with Amnesty International UK and the Gulf Centre for Human Rights (GCHR), held a roundtable on 12 March on “Protecting those who speak out”.',
    );
    expect(briefing).toContain(
      'The roundtable heard from HRDs from the following countries: Egypt; Bahrain; Saudi Arabia; and, a defender from the region who cannot be named, speaking on behalf of the Gulf Centre for Human Rights (GCHR) – (MH).',
    );
    expect(briefing).not.toContain('The speakers were:');
    expect(briefing).toContain(
      'The roundtable was co-chaired by Lord Alton of Liverpool, Vice-Chair, PHRG, and Baroness Kennedy of The Shaws QC, Chair, International Bar Association’s Human Rights Institute.',
    );
    expect(briefing).toContain('The meeting was held under the Chatham House Rule.');
    expect(briefing).toContain('The UK should raise individual cases at the highest level. (AC & MH)');
  });

  it('an intro override with accents, no speakers and no chair', () => {
    const briefing = text('2021-06-02-colombia-launch');
    expect(briefing).toContain('The PHRG attended the launch of ABColombia’s report, hosted by Señora María Fernández Ortíz at Portcullis House.');
    expect(briefing).not.toMatch(/held a|speakers were|chaired by/);
    expect(briefing).toContain('The meeting was held under the Chatham House Rule.');
    expect(briefing).toContain('Cauca and Nariño');
  });
});
