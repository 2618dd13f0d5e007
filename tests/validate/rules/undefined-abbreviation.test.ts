import { describe, expect, it } from 'vitest';
import { loadRecordText } from '../../../src/load/record.js';
import { validateRecord } from '../../../src/validate/record.js';
import { findings, record } from './lint.js';

describe('undefined-abbreviation', () => {
  it('reports an abbreviation never defined, once, with a close defined one', () => {
    const text = record('The Partido Popular (PPK) won. PKK’s cabinet and PKK again. (AB)\n\nCD spoke too. (CD)');
    expect(findings(text, 'undefined-abbreviation')).toEqual(['12:32 PKK']);
  });

  it('takes definitions from the front-matter, plurals, keys, Roman numerals and the known list', () => {
    const text = record('HRDs and an HRD, NGOs, the UK and EU, Henry VIII, AB and CD, the OHCHR. (AB) (CD)', 'topic: Human Rights Defenders (HRDs)\n');
    expect(findings(text, 'undefined-abbreviation')).toEqual(['13:66 OHCHR']);
    expect(findings(text, 'undefined-abbreviation', ['OHCHR'])).toEqual([]);
    expect(
      findings(record('During COVID-19, HIV services and LGBTI groups, the ICC and the NHS, the GDP, a PDF at its URL. (AB) (CD)'), 'undefined-abbreviation'),
    ).toEqual([]);
  });

  it('suggests the definition as the abbreviation is written, a plural as a plural', () => {
    const notes = validateRecord(loadRecordText(record('The HRDs spoke. (AB) (CD)'), 'r.md').record!)
      .diagnostics.filter((d) => d.rule === 'undefined-abbreviation')
      .map((d) => d.note);
    expect(notes).toEqual(['spell it out once, as "Full Name (HRDs)"']);
  });

  it('says nothing while the front-matter, where definitions stand too, cannot be read', () => {
    const text = record('HRDs spoke. (AB) (CD)', 'topic: "Human Rights Defenders (HRDs)\n');
    expect(findings(text, 'yaml-syntax')).not.toEqual([]);
    expect(findings(text, 'undefined-abbreviation')).toEqual([]);
  });

  it('ignores mixed case and single capitals', () => {
    expect(findings(record('A PhD, an iPhone, I and A. (AB) (CD)'), 'undefined-abbreviation')).toEqual([]);
  });
});
