/**
 * A code block's text as the lines the PDF and the Word file set it in: its last line break
 * ends the block, not a line; its indentation is kept as no-break spaces (a tab as four),
 * which neither a line-breaker nor a word processor takes away.
 */
export function codeLines(text: string): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.replace(/^[ \t]+/, (lead) => lead.replace(/\t/g, '    ').replace(/ /g, '\u00a0')));
}
