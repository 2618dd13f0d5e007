/** Reads PDFs back with poppler and qpdf, as a reviewer would. */
import { execFileSync } from 'node:child_process';

export function pdfText(file: string, options: { first?: number; last?: number; crop?: { x: number; y: number; w: number; h: number } } = {}): string {
  const args = ['-enc', 'UTF-8'];
  if (options.first) args.push('-f', String(options.first));
  if (options.last) args.push('-l', String(options.last));
  if (options.crop) {
    // pdftotext crops in pixels at its resolution (72 dpi by default: one pixel a point).
    const { x, y, w, h } = options.crop;
    args.push('-x', String(Math.round(x)), '-y', String(Math.round(y)), '-W', String(Math.round(w)), '-H', String(Math.round(h)));
  }
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

/** Each word poppler reads, with its box in points from the page's top left (`pdftotext -bbox`). */
export function wordBoxes(file: string): { word: string; xMin: number; xMax: number; yMin: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    word: m[4]!,
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
  }));
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const i = line.indexOf(':');
        return [line.slice(0, i).trim(), line.slice(i + 1).trim()];
      }),
  );
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(file: string): FontRow[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cells = line.trim().split(/\s+/);
    // name type... encoding emb sub uni objectID gen: read the flags from the end.
    const [emb, sub, uni] = cells.slice(-5, -2);
    return { name: cells[0]!, type: cells.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}

/** qpdf --check: the exit status and what it printed. */
export function qpdfCheck(file: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync('qpdf', ['--check', file], { encoding: 'utf8' }) };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: unknown }).stdout ?? error) };
  }
}

/** The structure tree's element types in document order, read through qpdf's JSON, with an element's ActualText when it has one. */
export function structureTypes(file: string): { type: string; depth: number; actualText?: string }[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as {
    qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
  };
  const objects = json.qpdf[1];
  const get = (ref: unknown): Record<string, unknown> | undefined => (typeof ref === 'string' ? objects[`obj:${ref}`]?.value : undefined);
  const trailer = objects.trailer?.value as Record<string, unknown>;
  const catalog = get(trailer['/Root'])!;
  const root = get(catalog['/StructTreeRoot'])!;
  const found: { type: string; depth: number; actualText?: string }[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, depth));
    const element = get(node);
    if (!element || typeof element['/S'] !== 'string') return;
    const actual = element['/ActualText'];
    // qpdf gives a text string as "u:<text>".
    found.push({ type: (element['/S'] as string).slice(1), depth, ...(typeof actual === 'string' ? { actualText: actual.replace(/^u:/, '') } : {}) });
    walk(element['/K'], depth + 1);
  };
  walk(root['/K'], 0);
  return found;
}

/** The document outline (bookmarks): title and 1-based page of each, depth first. */
export function outline(file: string): { title: string; page: number }[] {
  type Item = { title: string; destpageposfrom1: number; kids: Item[] };
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: Item[] };
  const flat: { title: string; page: number }[] = [];
  const walk = (items: Item[]): void => items.forEach((item) => (flat.push({ title: item.title, page: item.destpageposfrom1 }), walk(item.kids)));
  walk(json.outlines);
  return flat;
}

/** The URIs of link annotations, page by page. */
export function linkTargets(file: string): string[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as {
    qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
  };
  const uris: string[] = [];
  for (const object of Object.values(json.qpdf[1])) {
    const value = object.value;
    if (value?.['/Subtype'] !== '/Link') continue;
    const action = value['/A'];
    const resolved = typeof action === 'string' ? json.qpdf[1][`obj:${action}`]?.value : (action as Record<string, unknown> | undefined);
    const uri = resolved?.['/URI'];
    if (typeof uri === 'string') uris.push(uri.replace(/^u:/, ''));
  }
  return uris;
}
