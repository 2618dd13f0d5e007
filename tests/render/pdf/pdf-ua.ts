/**
 * The PDF/UA-1 (ISO 14289-1) conditions phrg-brief's PDFs can fail, after the Matterhorn
 * Protocol 1.1's machine-checkable failure conditions (checkpoint numbers in brackets), each
 * checked on the file read back by parsers that are not pdfkit: qpdf's JSON of the raw objects
 * (content streams decoded), pdf.js's structure tree and text content, and fast-xml-parser
 * for the XMP. veraPDF, the reference validator, is a Java program not packaged for Debian
 * and cannot be installed here: these checks stand in for the part of it that applies.
 *
 * Conditions that cannot arise in what phrg-brief writes (forms, images, figures, formulas,
 * embedded files, optional content, security, notes, XFA) are left out.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

type Value = unknown;
type Dict = Record<string, Value>;
interface QObject {
  value?: Value;
  stream?: { dict: Dict; data?: string };
}

export interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

export interface Pdf {
  file: string;
  objects: Record<string, QObject>;
  catalog: Dict;
  pages: { ref: string; dict: Dict; content: string }[];
  /** pdf.js: each page's structure tree, and its text items with the marked content around them. */
  pdfjs: { trees: StructNode[]; texts: { str: string; marked: string[] }[][]; annotations: { id: string; subtype: string }[][] };
}

const STANDARD_TYPES = new Set('Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '));

export function qpdfJson(file: string): Record<string, QObject> {
  const out = execFileSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return (JSON.parse(out) as { qpdf: [unknown, Record<string, QObject>] }).qpdf[1];
}

export async function readPdf(file: string): Promise<Pdf> {
  const objects = qpdfJson(file);
  const get = (ref: Value): Dict => ((typeof ref === 'string' ? objects[`obj:${ref}`]?.value ?? objects[`obj:${ref}`]?.stream?.dict : ref) ?? {}) as Dict;
  const catalog = get((objects.trailer!.value as Dict)['/Root']);
  const pages: Pdf['pages'] = [];
  const walk = (ref: Value): void => {
    const node = get(ref);
    if (node['/Type'] === '/Pages') return (node['/Kids'] as Value[]).forEach(walk);
    const contents = ([] as Value[]).concat(node['/Contents'] ?? []);
    const content = contents.map((c) => Buffer.from(objects[`obj:${c as string}`]?.stream?.data ?? '', 'base64').toString('latin1')).join('\n');
    pages.push({ ref: ref as string, dict: node, content });
  };
  walk(catalog['/Pages']);

  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const trees: StructNode[] = [];
  const texts: Pdf['pdfjs']['texts'] = [];
  const annotations: Pdf['pdfjs']['annotations'] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    trees.push(((await page.getStructTree()) ?? {}) as StructNode);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const stack: string[] = [];
    const items: { str: string; marked: string[] }[] = [];
    for (const item of content.items as { type?: string; tag?: string; id?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') stack.push(item.id ? `${item.tag}#${item.id}` : item.tag ?? '');
      else if (item.type === 'endMarkedContent') stack.pop();
      else if (item.str?.trim()) items.push({ str: item.str, marked: [...stack] });
    }
    texts.push(items);
    annotations.push(((await page.getAnnotations()) as { id: string; subtype: string }[]).map(({ id, subtype }) => ({ id, subtype })));
  }
  await doc.destroy();
  return { file, objects, catalog, pages, pdfjs: { trees, texts, annotations } };
}

/** A dictionary, following a reference. */
export function resolve(pdf: Pdf, ref: Value): Dict {
  if (typeof ref === 'string' && / R$/.test(ref)) return (pdf.objects[`obj:${ref}`]?.value ?? pdf.objects[`obj:${ref}`]?.stream?.dict ?? {}) as Dict;
  return (ref ?? {}) as Dict;
}

/** Every structure element, depth first, with its reference and its parent's type. */
export function structElements(pdf: Pdf): { ref: string; dict: Dict; type: string; parent: string }[] {
  const out: { ref: string; dict: Dict; type: string; parent: string }[] = [];
  const root = resolve(pdf, pdf.catalog['/StructTreeRoot']);
  const walk = (kids: Value, parent: string): void => {
    for (const kid of ([] as Value[]).concat(kids ?? [])) {
      if (typeof kid !== 'string' || !kid.endsWith(' R')) continue;
      const dict = resolve(pdf, kid);
      if (typeof dict['/S'] !== 'string') continue;
      const type = (dict['/S'] as string).slice(1);
      out.push({ ref: kid, dict, type, parent });
      walk(dict['/K'], type);
    }
  };
  walk(root['/K'], 'StructTreeRoot');
  return out;
}

function annotations(pdf: Pdf): { ref: string; dict: Dict; page: Pdf['pages'][number] }[] {
  return pdf.pages.flatMap((page) => ((page.dict['/Annots'] as string[] | undefined) ?? []).map((ref) => ({ ref, dict: resolve(pdf, ref), page })));
}

function parentTree(pdf: Pdf): Map<number, Value> {
  const root = resolve(pdf, pdf.catalog['/StructTreeRoot']);
  const map = new Map<number, Value>();
  const walk = (node: Dict): void => {
    const nums = node['/Nums'] as Value[] | undefined;
    if (nums) for (let i = 0; i < nums.length; i += 2) map.set(nums[i] as number, nums[i + 1]);
    for (const kid of (node['/Kids'] as Value[] | undefined) ?? []) walk(resolve(pdf, kid));
  };
  walk(resolve(pdf, root['/ParentTree']));
  return map;
}

function xmp(pdf: Pdf): Record<string, unknown> | undefined {
  const ref = pdf.catalog['/Metadata'];
  const data = typeof ref === 'string' ? pdf.objects[`obj:${ref}`]?.stream?.data : undefined;
  if (!data) return undefined;
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false, isArray: (name) => name === 'rdf:Description' || name === 'rdf:li' });
  const doc = parser.parse(Buffer.from(data, 'base64').toString('utf8'), true) as { 'x:xmpmeta'?: { 'rdf:RDF'?: { 'rdf:Description'?: Record<string, unknown>[] } } };
  const descriptions = doc['x:xmpmeta']?.['rdf:RDF']?.['rdf:Description'] ?? [];
  return Object.assign({}, ...descriptions) as Record<string, unknown>;
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : typeof value === 'object' && value !== null && '#text' in value ? String((value as { '#text': unknown })['#text']) : '');
const liTexts = (value: unknown): string[] => {
  const container = Object.values((value ?? {}) as Record<string, { 'rdf:li'?: unknown[] }>)[0];
  return (container?.['rdf:li'] ?? []).map(text).filter((t) => t.trim() !== '');
};

/** The marked-content sequences of a content stream: their tags, MCIDs and what they hold. */
function markedContent(content: string): { tag: string; mcid?: number; insideArtifact: boolean }[] {
  const found: { tag: string; mcid?: number; insideArtifact: boolean }[] = [];
  const tokens = content.match(/\/[A-Za-z0-9]+\s*<<[\s\S]*?>>\s*BDC|\/[A-Za-z0-9]+\s+BMC|\bEMC\b|\bT[Jj]\b/g) ?? [];
  const stack: { tag: string; mcid?: number }[] = [];
  for (const token of tokens) {
    if (token.endsWith('BDC') || token.endsWith('BMC')) {
      const mcid = /\/MCID\s+(\d+)/.exec(token)?.[1];
      stack.push({ tag: /^\/([A-Za-z0-9]+)/.exec(token)![1]!, ...(mcid ? { mcid: Number(mcid) } : {}) });
    } else if (token === 'EMC') {
      stack.pop();
    } else if (token === 'TJ' || token === 'Tj') {
      const inner = stack.at(-1);
      found.push({ tag: inner?.tag ?? '', ...(inner?.mcid !== undefined ? { mcid: inner.mcid } : {}), insideArtifact: stack.slice(0, -1).some((m) => m.tag === 'Artifact') });
    }
  }
  return found;
}

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
    what: 'the catalog\'s MarkInfo has /Marked true and no /Suspects true',
    check(pdf) {
      const info = resolve(pdf, pdf.catalog['/MarkInfo']);
      return [...(info['/Marked'] === true ? [] : ['MarkInfo /Marked is not true']), ...(info['/Suspects'] === true ? ['MarkInfo /Suspects is true'] : [])];
    },
  },
  {
    id: '02-001 standard structure types',
    what: 'every structure element has a standard PDF 1.7 type (phrg-brief writes no RoleMap)',
    check: (pdf) => structElements(pdf).filter((e) => !STANDARD_TYPES.has(e.type)).map((e) => `${e.ref}: /${e.type} is not a standard type`),
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
      const empty = Object.entries(info).filter(([, v]) => { const value: unknown = typeof v === 'string' && v.endsWith(' R') ? pdf.objects[`obj:${v}`]?.value : v; return typeof value === 'string' && value.replace(/^u:/, '').trim() === ''; }).map(([k]) => `Info ${k} is empty`);
      const data = xmp(pdf) ?? {};
      return [...empty, ...Object.entries(data).filter(([k, v]) => !k.startsWith('@_') && (v === '' || (typeof v === 'object' && v !== null && Object.keys(v).length === 0))).map(([k]) => `XMP ${k} is empty`)];
    },
  },
  {
    id: '07-001 title shown',
    what: 'ViewerPreferences has /DisplayDocTitle true',
    check: (pdf) => (resolve(pdf, pdf.catalog['/ViewerPreferences'])['/DisplayDocTitle'] === true ? [] : ['DisplayDocTitle is not true']),
  },
  {
    id: '09-004/09-005 lists and tables nest correctly (pdf.js)',
    what: 'in pdf.js\'s structure tree, L holds LI (or L), LI holds Lbl and LBody, Table holds THead/TBody/TFoot/TR, THead/TBody/TFoot hold TR, and TR holds TH/TD',
    check(pdf) {
      const allowed: Record<string, string[]> = { L: ['LI', 'L', 'Caption'], LI: ['Lbl', 'LBody'], Table: ['THead', 'TBody', 'TFoot', 'TR', 'Caption'], THead: ['TR'], TBody: ['TR'], TFoot: ['TR'], TR: ['TH', 'TD'] };
      const problems = new Set<string>();
      const walk = (node: StructNode): void => {
        for (const child of node.children ?? []) {
          if (node.role && allowed[node.role] && child.role && !allowed[node.role]!.includes(child.role)) problems.add(`${node.role} holds ${child.role}`);
          if (child.role && ['LI', 'Lbl', 'LBody'].includes(child.role) && node.role && !({ LI: ['L'], Lbl: ['LI'], LBody: ['LI'] } as Record<string, string[]>)[child.role]!.includes(node.role)) problems.add(`${child.role} inside ${node.role}`);
          if (child.role && ['TR', 'TH', 'TD'].includes(child.role) && node.role && !({ TR: ['Table', 'THead', 'TBody', 'TFoot'], TH: ['TR'], TD: ['TR'] } as Record<string, string[]>)[child.role]!.includes(node.role)) problems.add(`${child.role} inside ${node.role}`);
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
    check: (pdf) => (/^u:[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(String(pdf.catalog['/Lang'] ?? '')) ? [] : [`catalog /Lang is ${String(pdf.catalog['/Lang'])}`]),
  },
  {
    id: '14-002/14-003 headings',
    what: 'the first numbered heading is H1 and no heading level is skipped going down',
    check(pdf) {
      const levels = structElements(pdf).filter((e) => /^H[1-6]$/.test(e.type)).map((e) => Number(e.type.slice(1)));
      const problems = levels[0] !== undefined && levels[0] !== 1 ? [`the first heading is H${levels[0]}`] : [];
      levels.forEach((level, i) => i > 0 && level > levels[i - 1]! + 1 && problems.push(`H${levels[i - 1]} is followed by H${level}`));
      return problems;
    },
  },
  {
    id: '15-003 header cells have a scope',
    what: 'every TH has an attribute dictionary of owner /Table with /Scope Row, Column or Both',
    check: (pdf) => structElements(pdf).filter((e) => e.type === 'TH' && !['/Row', '/Column', '/Both'].includes(String(resolve(pdf, e.dict['/A'])['/Scope']))).map((e) => `${e.ref}: TH without /Scope`),
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
        for (const annot of annots) if (annot.subtype === 'Link' && !inLinks.has(annot.id)) problems.push(`page ${n + 1}: pdf.js finds link ${annot.id} in no Link element`);
      });
      return problems;
    },
  },
  {
    id: '28-008/28-009 tab order',
    what: 'every page with annotations has /Tabs /S',
    check: (pdf) => pdf.pages.flatMap((page, n) => ((page.dict['/Annots'] as unknown[] | undefined)?.length && page.dict['/Tabs'] !== '/S' ? [`page ${n + 1}: /Tabs is ${String(page.dict['/Tabs'])}`] : [])),
  },
  {
    id: '28-012 links described',
    what: 'every Link annotation has a non-empty /Contents',
    check: (pdf) => annotations(pdf).filter(({ dict }) => dict['/Subtype'] === '/Link' && String(dict['/Contents'] ?? '').replace(/^u:/, '').trim() === '').map(({ ref }) => `${ref}: Link annotation without /Contents`),
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
];

/** Every condition's failures, by id; empty when the file passes them all. */
export function failures(pdf: Pdf): Record<string, string[]> {
  return Object.fromEntries(CONDITIONS.map((c) => [c.id, c.check(pdf)]).filter(([, found]) => (found as string[]).length > 0));
}

/**
 * A copy of `file` broken on purpose: `mutate` edits qpdf's JSON of its objects, and the
 * objects it changed are written back with `qpdf --update-from-json`.
 */
export function breakPdf(file: string, out: string, mutate: (objects: Record<string, QObject>) => void): void {
  const objects = qpdfJson(file);
  const before = new Map(Object.entries(objects).map(([k, v]) => [k, JSON.stringify(v)]));
  mutate(objects);
  const changed = Object.fromEntries(Object.entries(objects).filter(([k, v]) => k !== 'trailer' && before.get(k) !== JSON.stringify(v)));
  const maxobjectid = Math.max(...Object.keys(objects).map((k) => Number(/^obj:(\d+)/.exec(k)?.[1] ?? 0)));
  const json = `${file}.update.json`;
  writeFileSync(json, JSON.stringify({ qpdf: [{ jsonversion: 2, pushedinheritedpageresources: false, calledgetallpages: false, maxobjectid }, changed] }));
  execFileSync('qpdf', [file, out, `--update-from-json=${json}`]);
}
