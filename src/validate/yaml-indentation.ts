/** Indentation YAML cannot see, found before its own errors about what follows from it. */
import { visit } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAt } from '../diagnostics/diagnostic.js';
import type { YamlContext } from './yaml-diagnostics.js';

/**
 * Lines indented with what YAML does not take for indentation: non-breaking spaces, which text
 * pasted from Word or a web page brings, and look like spaces; or tabs.
 */
export function unseenIndentation(context: YamlContext): Diagnostic[] {
  const yaml = context.source.text.slice(context.offset, context.offset + (context.document.range?.[2] ?? 0));
  // A block scalar's lines (`intro: |`) are its text, tabs and all.
  const blocks: [number, number][] = [];
  visit(context.document, {
    Scalar(_key, node) {
      if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range) blocks.push([node.range[0], node.range[1]]);
    },
  });
  const found: Diagnostic[] = [];
  let lineStart = 0;
  for (const line of yaml.split('\n')) {
    const lead = /^[ \t\u00a0]*/.exec(line)![0];
    const inBlock = blocks.some(([start, end]) => lineStart > start && lineStart < end);
    const rest = line.slice(lead.length);
    // A tab is said only where YAML stumbled (it takes one before a comment or in a value
    // running on); non-breaking spaces, which YAML reads as words, before a key or an item.
    const tabbed = lead.includes('\t') && context.document.errors.length > 0;
    const spaced = lead.includes('\u00a0') && /^(?:-(?:\s|$)|[^\s#-][^:]*:(?:\s|$))/.test(rest);
    if (!inBlock && !rest.startsWith('#') && rest.trim() !== '' && (tabbed || spaced)) {
      const message = lead.includes('\u00a0')
        ? 'this line is indented with non-breaking spaces, which YAML does not take for indentation (text pasted from Word or a web page brings them)'
        : 'this line is indented with a tab, which YAML does not allow';
      found.push(
        diagnosticAt(context.file, context.source, context.offset + lineStart, context.offset + lineStart + lead.length, {
          severity: 'error',
          rule: 'yaml-syntax',
          message,
          note: 'delete the indentation and type it again with ordinary spaces',
        }),
      );
    }
    lineStart += line.length + 1;
  }
  return found;
}
