/** What a briefing's data file and the archive's pages quote of it: the intro's words alone. */
import { describe, expect, it } from 'vitest';
import { composeBriefing } from '../../src/compose/briefing.js';
import { loadTemplates } from '../../src/compose/templates.js';
import { loadRecordText } from '../../src/load/record.js';
import { introText } from '../../src/render/summary.js';
import { validateRecord } from '../../src/validate/record.js';

describe('introText', () => {
  it('leaves out an intro’s footnotes, their numbers and the notes', () => {
    const record =
      '---\ntitle: T\ndate: 2020-05-10\nhosts: [the PHRG (PHRG)]\nintro: "Twelve medics were held.[^1] It was well attended.\\n\\n[^1]: As reported in 2024."\n---\n\nA point.\n';
    const meeting = validateRecord(loadRecordText(record, 'meetings/2020-05-10-t.md').record!).meeting!;
    expect(introText(composeBriefing(meeting, loadTemplates()).article)).toBe('Twelve medics were held. It was well attended.');
  });
});
