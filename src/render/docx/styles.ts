/**
 * The Word briefing's styles and list definitions, from the PDF theme: its colours, spacing
 * and bullet, and its `docx` section's fonts and sizes. The styles use Word's own ids and
 * names (Heading 1, List Bullet 2, Quote, Hyperlink), so a reader's own template restyles
 * them and Word's tools know them for what they are.
 */
import { isRightToLeft } from '../text-direction.js';
import { AlignmentType, BorderStyle, LevelFormat, LineRuleType, UnderlineType, type INumberingOptions, type IStylesOptions } from 'docx';
import type { Theme } from '../pdf/theme.js';

export const BULLETS = 'bullets';
export const NUMBERS = 'numbers';

export const STYLE = {
  listBullet: ['ListBullet', 'ListBullet2', 'ListBullet3', 'ListBullet4', 'ListBullet5'],
  listNumber: ['ListNumber', 'ListNumber2', 'ListNumber3', 'ListNumber4', 'ListNumber5'],
  listContinue: ['ListContinue', 'ListContinue2', 'ListContinue3', 'ListContinue4', 'ListContinue5'],
  quote: 'Quote',
  rule: 'HorizontalRule',
  tableHeading: 'TableHeading',
  tableText: 'TableText',
} as const;

export const HEADING_STYLES: Readonly<Record<string, string>> = {
  h1: 'Heading1',
  h2: 'Heading2',
  h3: 'Heading3',
  h4: 'Heading4',
  h5: 'Heading4',
  h6: 'Heading4',
};

const twips = (points: number): number => Math.round(points * 20);
const halfPoints = (points: number): number => Math.round(points * 2);
const hex = (colour: string): string => colour.slice(1).toUpperCase();

export function briefingStyles(theme: Theme, lang: string): IStylesOptions {
  const { docx, colors, spacing } = theme;
  const line = { line: Math.round(240 * theme.lineHeight), lineRule: LineRuleType.AUTO };
  const heading = (size: number, level: number) => ({
    run: { font: docx.font, size: halfPoints(size), bold: true, color: hex(colors.heading) },
    paragraph: { spacing: { before: twips(spacing.heading * 1.5), after: twips(spacing.heading) }, keepNext: true, keepLines: true, outlineLevel: level },
  });
  const listLevel = (style: readonly string[], name: string) =>
    style.map((id, level) => ({
      id,
      name: level === 0 ? name : `${name} ${level + 1}`,
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: {
        spacing: { after: twips(spacing.listItem), ...line },
        indent: { left: twips(spacing.listIndent * (level + 1)), hanging: twips(spacing.listIndent) },
      },
    }));
  return {
    default: {
      document: {
        run: {
          font: docx.font,
          size: halfPoints(docx.sizes.body),
          color: hex(colors.text),
          language: isRightToLeft(lang) ? { bidirectional: lang } : { value: lang },
        },
        paragraph: { spacing: { after: twips(spacing.paragraph), ...line } },
      },
      heading1: heading(docx.sizes.h1, 0),
      heading2: heading(docx.sizes.h2, 1),
      heading3: heading(docx.sizes.h3, 2),
      heading4: heading(docx.sizes.h4, 3),
    },
    paragraphStyles: [
      ...listLevel(STYLE.listBullet, 'List Bullet'),
      ...listLevel(STYLE.listNumber, 'List Number'),
      ...STYLE.listContinue.map((id, level) => ({
        id,
        name: level === 0 ? 'List Continue' : `List Continue ${level + 1}`,
        basedOn: 'Normal',
        paragraph: { spacing: { after: twips(spacing.listItem), ...line }, indent: { left: twips(spacing.listIndent * (level + 1)) } },
      })),
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        quickFormat: true,
        run: { italics: true },
        paragraph: { indent: { left: twips(spacing.blockquoteIndent) } },
      },
      {
        id: STYLE.rule,
        name: 'Horizontal Rule',
        basedOn: 'Normal',
        paragraph: { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: hex(colors.rule), space: 1 } } },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: halfPoints(docx.sizes.table) },
        paragraph: { spacing: { before: twips(spacing.tableCellPadding), after: twips(spacing.tableCellPadding) } },
      },
      { id: STYLE.tableHeading, name: 'Table Heading', basedOn: STYLE.tableText, run: { bold: true } },
    ],
    characterStyles: [
      { id: 'Hyperlink', name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: hex(colors.link), underline: { type: UnderlineType.SINGLE } } },
    ],
  };
}

/** The numbered list's reference for a list that counts from `start` (`<ol start="3">`). */
export const numbersFrom = (start: number): string => (start === 1 ? NUMBERS : `${NUMBERS}-from-${start}`);

/**
 * Bullets, and numbered lists counting from 1 and from each other start the article's lists
 * have. Every level is numbered 1, 2, 3 as on the web page and in the PDF, so that "point 2"
 * is the same point in each.
 */
export function briefingNumbering(theme: Theme, starts: readonly number[] = []): INumberingOptions {
  const indent = (level: number) => ({ indent: { left: twips(theme.spacing.listIndent * (level + 1)), hanging: twips(theme.spacing.listIndent) } });
  const numbers = (start: number) => ({
    reference: numbersFrom(start),
    levels: STYLE.listNumber.map((_, level) => ({
      level,
      format: LevelFormat.DECIMAL,
      text: `%${level + 1}.`,
      start,
      alignment: AlignmentType.LEFT,
      style: { paragraph: indent(level) },
    })),
  });
  return {
    config: [
      {
        reference: BULLETS,
        levels: STYLE.listBullet.map((_, level) => ({
          level,
          format: LevelFormat.BULLET,
          text: theme.bullet[Math.min(level, theme.bullet.length - 1)]!,
          alignment: AlignmentType.LEFT,
          style: { paragraph: indent(level) },
        })),
      },
      ...[...new Set([1, ...starts])].map(numbers),
    ],
  };
}
