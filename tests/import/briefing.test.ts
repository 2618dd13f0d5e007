/** The intro sentence's lists of hosts and partners parted into names. */
import { describe, expect, it } from 'vitest';
import { splitNames } from '../../src/import/briefing.js';

describe('splitNames', () => {
  it.each([
    ['the Bahrain Institute for Rights and Democracy (BIRD) and Redress', ['the Bahrain Institute for Rights and Democracy (BIRD)', 'Redress']],
    ['Rights and Democracy (RAD)', ['Rights and Democracy (RAD)']],
    ['The Bahrain Institute for Rights and Democracy (BIRD)', ['The Bahrain Institute for Rights and Democracy (BIRD)']],
    ['the UK Bahrain Institute for Rights and Democracy (BIRD) and Redress', ['the UK Bahrain Institute for Rights and Democracy (BIRD)', 'Redress']],
    ['Research and Development (R&D) and Redress', ['Research and Development (R&D)', 'Redress']],
    ['Amnesty International (AI) and Human Rights Watch (HRW)', ['Amnesty International (AI)', 'Human Rights Watch (HRW)']],
    ['Redress and Amnesty International (AI)', ['Redress', 'Amnesty International (AI)']],
    ['the PHRG and Human Rights Watch (HRW)', ['the PHRG', 'Human Rights Watch (HRW)']],
    ['Minority Rights Group International (MRG) and Freedom House (FH)', ['Minority Rights Group International (MRG)', 'Freedom House (FH)']],
    ['the Peru Support Group, CAFOD and Amnesty International (AI)', ['the Peru Support Group', 'CAFOD', 'Amnesty International (AI)']],
    ['the PHRG and the APPG on Democracy and Human Rights', ['the PHRG', 'the APPG on Democracy and Human Rights']],
  ])('parts %s', (text, names) => {
    expect(splitNames(text)).toEqual(names);
  });
});
