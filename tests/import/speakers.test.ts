/** A chair's initials, which a published page does not print, taken back from the points. */
import { describe, expect, it } from 'vitest';
import { keyChairFromBody } from '../../src/import/speakers.js';
import type { RecordData } from '../../src/validate/schema.js';

const chaired = (speakers: RecordData['speakers'] = [{ key: 'SA', name: 'Sayed Ahmed Alwadaei' }]): Partial<RecordData> => ({
  chair: { name: 'Lord Alton of Liverpool', role: 'Vice-Chair, PHRG' },
  speakers,
});

describe('keyChairFromBody', () => {
  it('gives the chair the one initials of the points no speaker has, when they are the chair’s', () => {
    const data = chaired();
    keyChairFromBody(data, '- A point. (SA)\n- The UK should raise it at the Universal Periodic Review (UPR). (LA)\n');
    expect(data.chair).toEqual({ key: 'LA', name: 'Lord Alton of Liverpool', role: 'Vice-Chair, PHRG' });
  });

  it('leaves the chair alone when the initials are not theirs, could be a speaker’s without initials, or are one letter', () => {
    for (const [data, body] of [
      [chaired(), '- A point. (SA)\n- Another. (JC)\n'],
      [chaired([{ key: 'SA', name: 'Sayed Ahmed Alwadaei' }, { name: 'Lara Anders' }]), '- A point. (LA)\n'],
      [{ chair: { name: 'Alice Smith' } }, 'Two options were set out:\n- Option (A)\n'],
      [chaired(), '- A point. (LA)\n- Another. (LB)\n'],
    ] as const) {
      const copy = structuredClone(data) as Partial<RecordData>;
      keyChairFromBody(copy, body);
      expect(copy, body).toEqual(data);
    }
  });
});
