import type { ElementContent } from 'hast';

/** Inline content without the whitespace the HTML has at its edges. */
export function trimEdges(children: readonly ElementContent[], start = true, end = true): ElementContent[] {
  const trimmed = [...children];
  const trimAt = (index: number, atStart: boolean, atEnd: boolean): void => {
    const node = trimmed[index];
    if (node?.type === 'text') {
      let value = node.value;
      if (atStart) value = value.trimStart();
      if (atEnd) value = value.trimEnd();
      trimmed[index] = { ...node, value };
    } else if (node?.type === 'element') {
      trimmed[index] = { ...node, children: trimEdges(node.children, atStart, atEnd) };
    }
  };
  if (trimmed.length === 1) trimAt(0, start, end);
  else {
    if (start) trimAt(0, true, false);
    if (end) trimAt(trimmed.length - 1, false, true);
  }
  return trimmed;
}
