import { describe, expect, it } from 'vitest';
import type { BriefingSummary } from '../../src/render/summary-schema.js';
import { buildModel, MAX_PAGE_NAME_BYTES, pageName, personPageNames, titleSlug } from '../../src/site/model.js';

const summary = (slug: string, date: string, tags: string[], speakers: BriefingSummary['speakers'] = []): BriefingSummary => ({
  slug,
  source: `meetings/${slug}.md`,
  title: slug,
  date,
  heading: slug,
  kind: 'meeting',
  lang: 'en-GB',
  draft: false,
  chathamHouse: false,
  hosts: ['the PHRG'],
  partners: [],
  tags,
  summary: '',
  chairs: [],
  speakers,
  points: [],
  files: { html: `${slug}.html` },
});

describe('buildModel', () => {
  it('names each tag’s page from the tag alone, in any script', () => {
    const model = buildModel([summary('a', '2020-01-01', ['Human rights', '中国', 'Україна', 'Côte d’Ivoire'])]);
    expect(model.tags.map((tag) => [tag.name, tag.slug])).toEqual(
      expect.arrayContaining([
        ['Human rights', 'human-rights'],
        ['中国', '中国'],
        ['Côte d’Ivoire', 'cote-d-ivoire'],
      ]),
    );
    expect(model.tags).toHaveLength(4);
  });

  it('gives tags that make the same name one page, titled by them all, where every briefing’s link leads', () => {
    // A briefing page is rendered on its own and links to tags/<name>.html: a name that depended
    // on the other records' tags would send "C++" to the page of "C".
    const model = buildModel([summary('a', '2020-01-01', ['C']), summary('b', '2021-01-01', ['C++']), summary('c', '2022-01-01', ['C', 'c'])]);
    expect(model.tags.map((tag) => [tag.name, tag.slug, tag.briefings.map((b) => b.slug)])).toEqual([['C · c · C++', 'c', ['c', 'b', 'a']]]);
    for (const briefing of model.briefings) expect(briefing.tagLinks.every((link) => link.slug === 'c')).toBe(true);
  });

  it('groups by year, newest first, and matches people across records by name', () => {
    const model = buildModel([
      summary('old', '2016-11-07', [], [{ key: 'JC', name: 'John Crabtree' }]),
      summary(
        'new',
        '2019-03-12',
        [],
        [{ key: 'J', name: 'John  Crabtree' }, 'Egypt' as never].map((s) => (typeof s === 'string' ? { text: s } : s)),
      ),
    ]);
    expect(model.years.map((year) => year.year)).toEqual(['2019', '2016']);
    expect(model.people).toHaveLength(1);
    expect(model.people[0]!.appearances.map((a) => a.briefing.slug)).toEqual(['new', 'old']);
  });

  it('lists a meeting once for a person who chaired and spoke at it, or whom two of its speakers name', () => {
    const both = {
      ...summary('both', '2020-01-01', [], [{ key: 'JC', name: 'John Crabtree' }]),
      chairs: [{ key: 'JC', name: 'John Crabtree', role: 'Chair' }],
    };
    const twice = summary(
      'twice',
      '2021-01-01',
      [],
      [
        { key: 'JC1', name: 'John Crabtree' },
        { key: 'JC3', name: 'John Crabtree' },
      ],
    );
    const model = buildModel([both, twice]);
    expect(model.people[0]!.appearances.map((a) => [a.briefing.slug, a.as])).toEqual([
      ['twice', 'speaker'],
      ['both', 'chair'],
    ]);
  });

  it('keeps two people of one record apart whose names make one page name, as their briefing page links them', () => {
    const model = buildModel([
      summary(
        'a',
        '2020-01-01',
        [],
        [
          { key: 'AL', name: 'Anna-Maria Lee', role: 'Researcher' },
          { key: 'AM', name: 'Anna Maria Lee', role: 'Lawyer' },
        ],
      ),
    ]);
    const byName = new Map(model.people.map((person) => [person.name, person]));
    expect(byName.get('Anna-Maria Lee')!.appearances.map((a) => a.role)).toEqual(['Researcher']);
    expect(byName.get('Anna Maria Lee')!.appearances.map((a) => a.role)).toEqual(['Lawyer']);
    // The same ids as the briefing page works out from the record alone; a spacing apart is the same name.
    const [first, second, again] = personPageNames(['Anna-Maria Lee', 'Anna Maria Lee', 'Anna-Maria  Lee']);
    expect([first, second, again]).toEqual([byName.get('Anna-Maria Lee')!.id, byName.get('Anna Maria Lee')!.id, byName.get('Anna-Maria Lee')!.id]);
    expect(first).not.toBe(second);
  });

  it('sorts people by surname, a peer by the name before the territorial designation, a compound surname by its first part', () => {
    const names = [
      'Lord Alton of Liverpool',
      'Nathan Law',
      'Baroness Kennedy of The Shaws QC',
      'Rushanara Ali MP',
      'Baroness Royall',
      'Dr Satkunanathan',
      'Vilma Núñez de Escorcia',
      'Ludwig van Beethoven',
      'Maria dos Santos',
      'Esther Major',
      'Maria de la Cruz',
      'Juan Carlos de la Fuente',
    ];
    const model = buildModel([
      summary(
        'a',
        '2020-01-01',
        [],
        names.map((name, i) => ({ key: `K${i}`, name })),
      ),
    ]);
    expect(model.people.map((person) => person.name)).toEqual([
      'Rushanara Ali MP',
      'Lord Alton of Liverpool',
      'Ludwig van Beethoven',
      'Maria de la Cruz',
      'Juan Carlos de la Fuente',
      'Baroness Kennedy of The Shaws QC',
      'Nathan Law',
      'Esther Major',
      'Vilma Núñez de Escorcia',
      'Baroness Royall',
      'Maria dos Santos',
      'Dr Satkunanathan',
    ]);
  });
});

describe('pageName', () => {
  it('keeps a short name as it is, letters of any script included', () => {
    expect(pageName('Côte d’Ivoire')).toBe('cote-d-ivoire');
    expect(pageName('François Gbagbo-Nʼguessan')).toBe('francois-gbagbo-n-guessan');
    expect(pageName('Inter\u00ADnational')).toBe('international'); // a soft hyphen pasted from Word, unseen
    expect(pageName('中国')).toBe('中国');
    // Letters no accent-stripping turns into ASCII, folded as slugs and the index's filter fold them.
    expect(pageName('Søren Nørgaard')).toBe('soren-norgaard');
    expect(pageName('Straße')).toBe(pageName('Strasse'));
    // Lower-cased, Σ is ς at a word's end and σ before a full stop: two names a file system blind to case takes for one.
    // A word's last σ is ς, as the names of pages made before were.
    expect(pageName('ΟΔΟΣ ΧΑ')).toBe('οδος-χα');
    expect(pageName('ΟΔΟΣ.ΧΑ')).toBe('οδος-χα');
    expect(pageName('Κώστας Παπάς')).toBe('κωστας-παπας');
  });

  it('never names a page index, the name of the people index, nor as Windows names a device', () => {
    expect(pageName('Index')).toMatch(/^index-[0-9a-f]{8}$/);
    // people/con.html cannot be written on Windows: a person called Con had no page there, and the build failed.
    for (const device of ['Con', 'AUX', 'nul', 'Com1', 'LPT9']) expect(pageName(device)).toMatch(new RegExp(`^${device.toLowerCase()}-[0-9a-f]{8}$`));
    expect(pageName('Con Murphy')).toBe('con-murphy');
    expect(pageName('Index on Censorship')).toBe('index-on-censorship');
  });

  it('cuts a name past the bound at a whole character, with a hash of the whole to tell it apart', () => {
    const long = 'x'.repeat(300);
    const name = pageName(long);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_PAGE_NAME_BYTES);
    expect(name).toMatch(/^x+-[0-9a-f]{8}$/);
    expect(pageName(`${long}y`)).not.toBe(name);
    expect(pageName(long)).toBe(name);
    // Three bytes a character: cut between characters, never inside one.
    const cjk = pageName('中'.repeat(200));
    expect(Buffer.byteLength(cjk)).toBeLessThanOrEqual(MAX_PAGE_NAME_BYTES);
    expect(cjk).toMatch(/^中+-[0-9a-f]{8}$/);
  });
});

describe('titleSlug', () => {
  it('leaves out a soft hyphen pasted from Word, which no reader sees', () => {
    expect(titleSlug('Bahr\u00ADain Medics', 8)).toBe('bahrain-medics');
  });

  it('takes the title’s first words, and keeps a long one to 60 characters, cut at a hyphen when one is near', () => {
    expect(titleSlug('Peru – The Negative Impacts of the Activities of the Extractive Industries', 8)).toBe('peru-the-negative-impacts-of-the-activities-of');
    expect(titleSlug('x'.repeat(300), 8)).toBe('x'.repeat(60));
    expect(titleSlug('A very long title about the human rights of detained medics in Bahrain today', 20)).toBe(
      'a-very-long-title-about-the-human-rights-of-detained-medics',
    );
    expect(titleSlug(`Bahrain ${'detained'.repeat(8)} medics`, 8)).toBe(`bahrain-${'detained'.repeat(8)}`.slice(0, 60));
    expect(titleSlug('Côte d’Ivoire', 6)).toBe('cote-d-ivoire');
  });

  it('spells Latin letters no accent-stripping makes ASCII, and names a title in another script by a hash of it', () => {
    expect(titleSlug('Søren Nørgaard in Łódź, Straße der Æbler', 8)).toBe('soren-norgaard-in-lodz-strasse-der-aebler');
    const russia = titleSlug('Россия: политические заключённые', 8);
    const belarus = titleSlug('Беларусь: политические заключённые', 8);
    expect(russia).toMatch(/^untitled-[0-9a-f]{6}$/);
    expect(belarus).toMatch(/^untitled-[0-9a-f]{6}$/);
    expect(russia).not.toBe(belarus);
    expect(titleSlug('Россия: политические заключённые', 8)).toBe(russia);
  });
});
