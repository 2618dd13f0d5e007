/**
 * The PDF/UA-1 (ISO 14289-1) conditions phrg-brief's PDFs can fail, after the Matterhorn
 * Protocol 1.1's machine-checkable failure conditions (checkpoint numbers in brackets), each
 * checked on the file read back by parsers that are not pdfkit: qpdf's JSON of the raw objects
 * (content streams decoded), pdf.js's structure tree and text content, and fast-xml-parser
 * for the XMP. veraPDF, the reference validator, is a Java program not packaged for Debian
 * and cannot be installed here: these checks stand in for the part of it that applies.
 *
 * Conditions that cannot arise in what phrg-brief writes (forms, images, figures, formulas,
 * embedded files, optional content, security, XFA) are left out. A file that must
 * draw a character its font lacks (.notdef) does not claim PDF/UA-1, and is not held to them.
 */
import {
  annotations,
  liTexts,
  markedContent,
  parentTree,
  resolve,
  structElements,
  text,
  xmp,
  type Dict,
  type Pdf,
  type StructNode,
  type Value,
} from './pdf-read.js';

const STANDARD_TYPES = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(
    ' ',
  ),
);

export interface Condition {
  id: string;
  what: string;
  check(pdf: Pdf): string[];
}

/** The conditions, each returning what it found wrong (nothing when the file passes). */
export const CONDITIONS: Condition[] = [
  {
    id: '01-004/01-005 tagged or artifact',
    what: 'every text-showing operator is in marked content that is an Artifact or has an MCID the structure tree (ParentTree) maps to an element; none is tagged inside an Artifact',
    check(pdf) {
      const tree = parentTree(pdf);
      return pdf.pages.flatMap((page, n) => {
        const parents = tree.get(page.dict['/StructParents'] as number) as Value[] | undefined;
        return markedContent(page.content).flatMap((m) => {
          if (m.insideArtifact) return [`page ${n + 1}: ${m.tag} content inside an Artifact`];
          if (m.tag === 'Artifact') return [];
          if (m.mcid === undefined) return [`page ${n + 1}: text outside any tagged or artifact content (${m.tag || 'unmarked'})`];
          return parents?.[m.mcid] ? [] : [`page ${n + 1}: MCID ${m.mcid} not in the parent tree`];
        });
      });
    },
  },
  {
    id: '01-004 running text as artifact (pdf.js)',
    what: 'pdf.js sees the "Page N of M" footers and the running header only inside Artifact marked content, and every other text item inside tagged content',
    check(pdf) {
      return pdf.pdfjs.texts.flatMap((items, n) =>
        items.flatMap((item) => {
          const artifact = item.marked.includes('Artifact');
          const running = /^Page \d+ of \d+$/.test(item.str.trim());
          if (running && !artifact) return [`page ${n + 1}: "${item.str}" is not an artifact`];
          if (!artifact && !item.marked.some((m) => m.includes('#'))) return [`page ${n + 1}: "${item.str}" is not tagged`];
          return [];
        }),
      );
    },
  },
  {
    id: '01-007 marked, no suspects',
    what: "the catalog's MarkInfo has /Marked true and no /Suspects true",
    check(pdf) {
      const info = resolve(pdf, pdf.catalog['/MarkInfo']);
      return [...(info['/Marked'] === true ? [] : ['MarkInfo /Marked is not true']), ...(info['/Suspects'] === true ? ['MarkInfo /Suspects is true'] : [])];
    },
  },
  {
    id: '02-001 standard structure types',
    what: 'every structure element has a standard PDF 1.7 type (phrg-brief writes no RoleMap)',
    check: (pdf) =>
      structElements(pdf)
        .filter((e) => !STANDARD_TYPES.has(e.type))
        .map((e) => `${e.ref}: /${e.type} is not a standard type`),
  },
  {
    id: '06-001/06-002/06-003 metadata',
    what: 'the catalog has an XMP metadata stream that parses as XML, with pdfuaid:part 1, a non-empty dc:title and dc:language',
    check(pdf) {
      const data = xmp(pdf);
      if (!data) return ['no XMP metadata stream'];
      const problems: string[] = [];
      if (text(data['pdfuaid:part']) !== '1') problems.push('no pdfuaid:part 1');
      if (liTexts(data['dc:title']).length === 0) problems.push('no dc:title');
      if (liTexts(data['dc:language']).length === 0) problems.push('no dc:language');
      return problems;
    },
  },
  {
    id: '06 no empty entries',
    what: 'no document information or XMP entry is written empty (a record without tags has no Keywords at all)',
    check(pdf) {
      const info = resolve(pdf, (pdf.objects.trailer!.value as Dict)['/Info']);
      const empty = Object.entries(info)
        .filter(([, v]) => {
          const value: unknown = typeof v === 'string' && v.endsWith(' R') ? pdf.objects[`obj:${v}`]?.value : v;
          return typeof value === 'string' && value.replace(/^u:/, '').trim() === '';
        })
        .map(([k]) => `Info ${k} is empty`);
      const data = xmp(pdf) ?? {};
      return [
        ...empty,
        ...Object.entries(data)
          .filter(([k, v]) => !k.startsWith('@_') && (v === '' || (typeof v === 'object' && v !== null && Object.keys(v).length === 0)))
          .map(([k]) => `XMP ${k} is empty`),
      ];
    },
  },
  {
    id: '07-001 title shown',
    what: 'ViewerPreferences has /DisplayDocTitle true',
    check: (pdf) => (resolve(pdf, pdf.catalog['/ViewerPreferences'])['/DisplayDocTitle'] === true ? [] : ['DisplayDocTitle is not true']),
  },
  {
    id: '09-004/09-005 lists and tables nest correctly (pdf.js)',
    what: "in pdf.js's structure tree, L holds LI (or L), LI holds Lbl and LBody, Table holds THead/TBody/TFoot/TR, THead/TBody/TFoot hold TR, and TR holds TH/TD",
    check(pdf) {
      const allowed: Record<string, string[]> = {
        L: ['LI', 'L', 'Caption'],
        LI: ['Lbl', 'LBody'],
        Table: ['THead', 'TBody', 'TFoot', 'TR', 'Caption'],
        THead: ['TR'],
        TBody: ['TR'],
        TFoot: ['TR'],
        TR: ['TH', 'TD'],
      };
      const problems = new Set<string>();
      const walk = (node: StructNode): void => {
        for (const child of node.children ?? []) {
          if (node.role && allowed[node.role] && child.role && !allowed[node.role]!.includes(child.role)) problems.add(`${node.role} holds ${child.role}`);
          if (
            child.role &&
            ['LI', 'Lbl', 'LBody'].includes(child.role) &&
            node.role &&
            !({ LI: ['L'], Lbl: ['LI'], LBody: ['LI'] } as Record<string, string[]>)[child.role]!.includes(node.role)
          )
            problems.add(`${child.role} inside ${node.role}`);
          if (
            child.role &&
            ['TR', 'TH', 'TD'].includes(child.role) &&
            node.role &&
            !({ TR: ['Table', 'THead', 'TBody', 'TFoot'], TH: ['TR'], TD: ['TR'] } as Record<string, string[]>)[child.role]!.includes(node.role)
          )
            problems.add(`${child.role} inside ${node.role}`);
          walk(child);
        }
      };
      pdf.pdfjs.trees.forEach(walk);
      return [...problems];
    },
  },
  {
    id: '11-001 natural language',
    what: 'the catalog has a non-empty /Lang that is a language tag',
    check: (pdf) =>
      /^u:[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(String(pdf.catalog['/Lang'] ?? '')) ? [] : [`catalog /Lang is ${String(pdf.catalog['/Lang'])}`],
  },
  {
    id: '14-002/14-003 headings',
    what: 'the first numbered heading is H1 and no heading level is skipped going down',
    check(pdf) {
      const levels = structElements(pdf)
        .filter((e) => /^H[1-6]$/.test(e.type))
        .map((e) => Number(e.type.slice(1)));
      const problems = levels[0] !== undefined && levels[0] !== 1 ? [`the first heading is H${levels[0]}`] : [];
      levels.forEach((level, i) => i > 0 && level > levels[i - 1]! + 1 && problems.push(`H${levels[i - 1]} is followed by H${level}`));
      return problems;
    },
  },
  {
    id: '15-003 header cells have a scope',
    what: 'every TH has an attribute dictionary of owner /Table with /Scope Row, Column or Both',
    check: (pdf) =>
      structElements(pdf)
        .filter((e) => e.type === 'TH' && !['/Row', '/Column', '/Both'].includes(String(resolve(pdf, e.dict['/A'])['/Scope'])))
        .map((e) => `${e.ref}: TH without /Scope`),
  },
  {
    id: '19-003/19-004 notes have unique IDs',
    what: "every Note element has an /ID no other element has, which the structure tree root's /IDTree maps to it",
    check(pdf) {
      const root = resolve(pdf, pdf.catalog['/StructTreeRoot']);
      const names = (resolve(pdf, root['/IDTree'])['/Names'] as Value[] | undefined) ?? [];
      const tree = new Map<string, Value>();
      for (let i = 0; i + 1 < names.length; i += 2) tree.set(String(names[i]), names[i + 1]);
      const seen = new Set<string>();
      return structElements(pdf).flatMap((e) => {
        const id = e.dict['/ID'];
        if (id === undefined) return e.type === 'Note' ? [`${e.ref}: Note without /ID`] : [];
        const problems = seen.has(String(id)) ? [`${e.ref}: /ID ${String(id)} is not unique`] : [];
        seen.add(String(id));
        if (tree.get(String(id)) !== e.ref) problems.push(`${e.ref}: /ID ${String(id)} is not in the IDTree`);
        return problems;
      });
    },
  },
  {
    id: '28-002/28-011 annotations in the structure tree',
    what: 'every annotation has /StructParent, whose parent-tree entry is a Link element (for a link) holding an OBJR to that annotation; pdf.js shows each Link element with its annotation',
    check(pdf) {
      const tree = parentTree(pdf);
      const problems = annotations(pdf).flatMap(({ ref, dict }) => {
        const key = dict['/StructParent'];
        if (typeof key !== 'number') return [`${ref}: no /StructParent`];
        const element = resolve(pdf, tree.get(key));
        if (dict['/Subtype'] === '/Link' && element['/S'] !== '/Link') return [`${ref}: its structure parent is ${String(element['/S'])}, not Link`];
        const objr = ([] as Value[]).concat(element['/K'] ?? []).some((kid) => resolve(pdf, kid)['/Type'] === '/OBJR' && resolve(pdf, kid)['/Obj'] === ref);
        return objr ? [] : [`${ref}: no OBJR to it from its structure element`];
      });
      // pdf.js: each link annotation of a page is an object kid of a Link element in that page's tree.
      pdf.pdfjs.annotations.forEach((annots, n) => {
        const inLinks = new Set<string>();
        const walk = (node: StructNode): void => {
          if (node.role === 'Link') for (const kid of node.children ?? []) if (kid.type === 'object' && kid.id) inLinks.add(kid.id);
          (node.children ?? []).forEach(walk);
        };
        walk(pdf.pdfjs.trees[n]!);
        for (const annot of annots)
          if (annot.subtype === 'Link' && !inLinks.has(annot.id)) problems.push(`page ${n + 1}: pdf.js finds link ${annot.id} in no Link element`);
      });
      return problems;
    },
  },
  {
    id: '28-008/28-009 tab order',
    what: 'every page with annotations has /Tabs /S',
    check: (pdf) =>
      pdf.pages.flatMap((page, n) =>
        (page.dict['/Annots'] as unknown[] | undefined)?.length && page.dict['/Tabs'] !== '/S' ? [`page ${n + 1}: /Tabs is ${String(page.dict['/Tabs'])}`] : [],
      ),
  },
  {
    id: '28-012 links described',
    what: 'every Link annotation has a non-empty /Contents',
    check: (pdf) =>
      annotations(pdf)
        .filter(
          ({ dict }) =>
            dict['/Subtype'] === '/Link' &&
            String(dict['/Contents'] ?? '')
              .replace(/^u:/, '')
              .trim() === '',
        )
        .map(({ ref }) => `${ref}: Link annotation without /Contents`),
  },
  {
    id: '31-001/31-009/31-027 fonts',
    what: 'every font is embedded (a FontFile, FontFile2 or FontFile3 in its descriptor) and has a ToUnicode map',
    check(pdf) {
      return Object.entries(pdf.objects).flatMap(([key, object]) => {
        const dict = (object.value ?? object.stream?.dict) as Dict | undefined;
        if (dict?.['/Type'] !== '/Font' || dict['/Subtype'] === '/CIDFontType2' || dict['/Subtype'] === '/CIDFontType0') return [];
        const descendant = resolve(pdf, ((dict['/DescendantFonts'] as Value[] | undefined) ?? [])[0]);
        const descriptor = resolve(pdf, (descendant['/FontDescriptor'] ?? dict['/FontDescriptor']) as Value);
        const problems: string[] = [];
        if (!['/FontFile', '/FontFile2', '/FontFile3'].some((k) => k in descriptor)) problems.push(`${key}: font not embedded`);
        if (!('/ToUnicode' in dict)) problems.push(`${key}: no ToUnicode`);
        return problems;
      });
    },
  },
  {
    id: '31-030 no .notdef glyph',
    what: 'no text-showing operator draws glyph 0, .notdef (every font is a two-byte CID font: a code 0000 in a string shown)',
    check(pdf) {
      return pdf.pages.flatMap((page, n) => {
        const shown = (page.content.match(/\[[^\]]*\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj/g) ?? []).flatMap((op) => op.match(/<[0-9A-Fa-f]*>/g) ?? []);
        const notdef = shown.some((hex) => (hex.slice(1, -1).match(/.{4}/g) ?? ([] as string[])).includes('0000'));
        return notdef ? [`page ${n + 1}: draws .notdef`] : [];
      });
    },
  },
];

/** Whether the file claims PDF/UA-1 (pdfuaid:part 1 in its XMP): only such a file is held to the conditions. */
export function claimsPdfUa(pdf: Pdf): boolean {
  return text(xmp(pdf)?.['pdfuaid:part']) === '1';
}

/** Every condition's failures, by id; empty when the file passes them all. */
export function failures(pdf: Pdf): Record<string, string[]> {
  return Object.fromEntries(CONDITIONS.map((c) => [c.id, c.check(pdf)]).filter(([, found]) => (found as string[]).length > 0));
}
