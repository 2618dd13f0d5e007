/**
 * The Word briefing: the same composed article as the HTML and PDF, written with the docx
 * package in Word's own styles, with the document's title, authors (the hosts), subject (the
 * topic), keywords (the tags) and language set, on the theme's page. Byte-identical on
 * rebuild (see package.ts).
 */
import type { Element, ElementContent } from 'hast';
import { Document, Packer } from 'docx';
import { documentDate } from '../document-date.js';
import type { RenderInput } from '../formats.js';
import { loadTheme } from '../pdf/theme.js';
import { articleBlocks, listStarts } from './blocks.js';
import { footnotesOf } from '../web-only.js';
import { repack } from './package.js';
import { briefingNumbering, briefingStyles } from './styles.js';

/** Page sizes in twentieths of a point, as Word measures them. */
const PAGE_TWIPS = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } } as const;

export async function renderDocx(input: RenderInput): Promise<Uint8Array> {
  const { view } = input.composed;
  const theme = loadTheme(input.templatesDir, input.pageSize);
  const tree = await input.tree();
  const article = tree.children.find((node): node is Element => node.type === 'element');
  const content: readonly ElementContent[] = article ? article.children : tree.children.filter((node): node is ElementContent => node.type !== 'doctype');
  const twips = (points: number): number => Math.round(points * 20);

  const properties = {
    title: view.heading,
    creator: view.hosts.join('; '),
    subject: view.topic ?? view.title,
    keywords: view.tags.join(', '),
  };
  const document = new Document({
    ...properties,
    styles: briefingStyles(theme, view.lang),
    numbering: briefingNumbering(theme, listStarts(content)),
    sections: [
      {
        properties: {
          page: {
            size: PAGE_TWIPS[theme.pageSize],
            margin: { top: twips(theme.margins.top), bottom: twips(theme.margins.bottom), left: twips(theme.margins.left), right: twips(theme.margins.right) },
          },
        },
        children: articleBlocks(content, {
          codeFont: theme.docx.codeFont,
          documentLang: view.lang,
          lang: input.siteLang,
          ...wordFootnotes(content),
          ruleColour: theme.colors.rule.slice(1).toUpperCase(),
          textWidth: PAGE_TWIPS[theme.pageSize].width - twips(theme.margins.left) - twips(theme.margins.right),
          tableSize: theme.docx.sizes.table,
          listIndent: twips(theme.spacing.listIndent),
          quoteIndent: twips(theme.spacing.blockquoteIndent),
        }),
      },
    ],
  });
  const packed = await Packer.toBuffer(document);
  return repack(packed, { ...properties, language: view.lang, date: documentDate(view) });
}

/**
 * The article's footnotes as Word's own, when each is paragraphs of text: a note holding a
 * list or a table stays, with the others, in the numbered list under "Footnotes" the page has.
 */
function wordFootnotes(content: readonly ElementContent[]): { footnotes?: ReadonlyMap<string, readonly ElementContent[]>; cited?: Map<string, number> } {
  const notes = footnotesOf(content);
  const plain = [...notes.values()].every((note) => note.every((node) => node.type !== 'element' || node.tagName === 'p'));
  return notes.size > 0 && plain ? { footnotes: notes, cited: new Map() } : {};
}
