import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/load/markdown.js';
import { findAttributions, parseAttribution } from '../../src/validate/attributions.js';

const keysOf = (text: string): string[] | undefined => parseAttribution(text)?.keys.map((k) => k.key);

describe('parseAttribution', () => {
  it.each([
    ['Mining operations cause conflict. (JC)', ['JC']],
    ['Protestors are labelled subversives. (JC + IV)', ['JC', 'IV']],
    ['Joint point. (JC & IV)', ['JC', 'IV']],
    ['Three voices. (JC, IV and CWW)', ['JC', 'IV', 'CWW']],
    ['Comma list. (JC, IV)', ['JC', 'IV']],
    ['Serial comma. (JC, IV, and A1)', ['JC', 'IV', 'A1']],
    ['Quoted key. (“JB”)', ['JB']],
    ['Straight quotes. ("JB" + \'IV\')', ['JB', 'IV']],
    ['A question? (JC)', ['JC']],
    ['An exclamation! (JC)', ['JC']],
    ['After a closing quote.” (JC)', ['JC']],
    ['A stray full stop after it. (JC + IV).', ['JC', 'IV']],
    // French guillemets, with their space (a no-break one, or none), and Chinese full-width stops.
    ['Elle a déclaré : « La répression continue. » (MJ)', ['MJ']],
    ['Elle a déclaré : « La répression continue.\u00A0» (MJ)', ['MJ']],
    ['Elle a déclaré : « La répression continue.» (MJ)', ['MJ']],
    ['Il a dit ‹ non. › (MJ)', ['MJ']],
    ['强迫劳动问题普遍存在。 (LW)', ['LW']],
    ['英国应当立法！(LW)', ['LW']],
    ['是否？(LW)', ['LW']],
    ['他说：「必须停止。」(LW)', ['LW']],
  ])('finds the keys in %s', (text, keys) => {
    expect(keysOf(text)).toEqual(keys);
  });

  it.each([
    ['the Ministry of Energy and Mines (MINEM)'],
    ['No punctuation before it (JC)'],
    ['Lower case is not a key. (jc)'],
    ['Too long a key. (ABCDEFG)'],
    ['Not at the end. (JC) More text.'],
    ['Empty. ()'],
    ['A guillemet opens, no sentence ends. « (MJ)'],
    ['英国应当立法 (LW)'],
  ])('is ordinary text in %s', (text) => {
    expect(parseAttribution(text)).toBeUndefined();
  });

  it('keeps the joiners and a trailing full stop as written', () => {
    const parsed = parseAttribution('Point. (JC + IV & AB).');
    expect(parsed?.joiners).toEqual([' + ', ' & ']);
    expect(parsed?.trailing).toBe('.');
  });
});

describe('findAttributions', () => {
  it('locates each key at its offset in the source', () => {
    const source = 'Intro (MINEM) text.\n\n- One point. (JC)\n- Two *points*. (JC + IV)\n- Unattributed.\n';
    const found = findAttributions(parseMarkdown(source));
    expect(found).toHaveLength(2);
    const keys = found.flatMap((a) => a.keys.map((k) => `${k.key}=${source.slice(k.start, k.end)}`));
    expect(keys).toEqual(['JC=JC', 'JC=JC', 'IV=IV']);
    expect(source.slice(found[1]!.start, found[1]!.end)).toBe('(JC + IV)');
  });
});
