/**
 * A PDF read back for the PDF/UA-1 checks (pdf-ua.ts) by parsers that are not pdfkit: qpdf's
 * JSON of the raw objects with the content streams decoded, pdf.js's structure tree, marked
 * text and annotations, and fast-xml-parser for the XMP; and a PDF broken on purpose through
 * `qpdf --update-from-json`, to show a check can fail.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

export type Value = unknown;
export type Dict = Record<string, Value>;
export interface QObject {
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

export function qpdfJson(file: string): Record<string, QObject> {
  const out = execFileSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  return (JSON.parse(out) as { qpdf: [unknown, Record<string, QObject>] }).qpdf[1];
}

export async function readPdf(file: string): Promise<Pdf> {
  const objects = qpdfJson(file);
  const get = (ref: Value): Dict => ((typeof ref === 'string' ? (objects[`obj:${ref}`]?.value ?? objects[`obj:${ref}`]?.stream?.dict) : ref) ?? {}) as Dict;
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
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') stack.push(item.id ? `${item.tag}#${item.id}` : (item.tag ?? ''));
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

/**
 * The text of a structure element and the elements within it, as pdf.js reads its marked
 * content: each MCID it holds (on its /Pg, or its ancestors') found among the page's text items.
 */
export function elementText(pdf: Pdf, ref: string, page?: Value): string {
  const dict = resolve(pdf, ref);
  const on = dict['/Pg'] ?? page;
  const pageIndex = pdf.pages.findIndex((p) => p.ref === on);
  const marked = (mcid: number): string =>
    (pdf.pdfjs.texts[pageIndex] ?? [])
      .filter((item) => item.marked.some((m) => m.endsWith(`#p${String(on).split(' ')[0]}R_mc${mcid}`)))
      .map((item) => item.str)
      .join('');
  return ([] as Value[])
    .concat(dict['/K'] ?? [])
    .map((kid) => {
      if (typeof kid === 'number') return marked(kid);
      if (typeof kid === 'string' && kid.endsWith(' R')) return resolve(pdf, kid)['/S'] ? elementText(pdf, kid, on) : '';
      const mcid = (kid as Dict)?.['/MCID'];
      return typeof mcid === 'number' ? marked(mcid) : '';
    })
    .join('');
}

export function annotations(pdf: Pdf): { ref: string; dict: Dict; page: Pdf['pages'][number] }[] {
  return pdf.pages.flatMap((page) => ((page.dict['/Annots'] as string[] | undefined) ?? []).map((ref) => ({ ref, dict: resolve(pdf, ref), page })));
}

export function parentTree(pdf: Pdf): Map<number, Value> {
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

export function xmp(pdf: Pdf): Record<string, unknown> | undefined {
  const ref = pdf.catalog['/Metadata'];
  const data = typeof ref === 'string' ? pdf.objects[`obj:${ref}`]?.stream?.data : undefined;
  if (!data) return undefined;
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false, isArray: (name) => name === 'rdf:Description' || name === 'rdf:li' });
  const doc = parser.parse(Buffer.from(data, 'base64').toString('utf8'), true) as {
    'x:xmpmeta'?: { 'rdf:RDF'?: { 'rdf:Description'?: Record<string, unknown>[] } };
  };
  const descriptions = doc['x:xmpmeta']?.['rdf:RDF']?.['rdf:Description'] ?? [];
  return Object.assign({}, ...descriptions) as Record<string, unknown>;
}

export const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : typeof value === 'object' && value !== null && '#text' in value
      ? String((value as { '#text': unknown })['#text'])
      : '';
export const liTexts = (value: unknown): string[] => {
  const container = Object.values((value ?? {}) as Record<string, { 'rdf:li'?: unknown[] }>)[0];
  return (container?.['rdf:li'] ?? []).map(text).filter((t) => t.trim() !== '');
};

/** The marked-content sequences of a content stream: their tags, MCIDs and what they hold. */
export function markedContent(content: string): { tag: string; mcid?: number; insideArtifact: boolean }[] {
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
      found.push({
        tag: inner?.tag ?? '',
        ...(inner?.mcid !== undefined ? { mcid: inner.mcid } : {}),
        insideArtifact: stack.slice(0, -1).some((m) => m.tag === 'Artifact'),
      });
    }
  }
  return found;
}

/**
 * A copy of `file` broken on purpose: `mutate` edits qpdf's JSON of its objects, and the
 * objects it changed are written back with `qpdf --update-from-json`. `read`, a copy of
 * `qpdfJson(file)` the caller has already, saves reading the file again for every break.
 */
export function breakPdf(file: string, out: string, mutate: (objects: Record<string, QObject>) => void, read?: Record<string, QObject>): void {
  const objects = read ?? qpdfJson(file);
  const before = new Map(Object.entries(objects).map(([k, v]) => [k, JSON.stringify(v)]));
  mutate(objects);
  const changed = Object.fromEntries(Object.entries(objects).filter(([k, v]) => k !== 'trailer' && before.get(k) !== JSON.stringify(v)));
  const maxobjectid = Math.max(...Object.keys(objects).map((k) => Number(/^obj:(\d+)/.exec(k)?.[1] ?? 0)));
  const json = `${file}.update.json`;
  writeFileSync(json, JSON.stringify({ qpdf: [{ jsonversion: 2, pushedinheritedpageresources: false, calledgetallpages: false, maxobjectid }, changed] }));
  execFileSync('qpdf', [file, out, `--update-from-json=${json}`]);
}
