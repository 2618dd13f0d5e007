/**
 * A table's column widths within the text's width, for the PDF and the Word file alike: so
 * that a narrow column of figures gives its room to the words beside it, and no word shorter
 * than a fair share of the width is broken.
 */

/**
 * Widths summing to `width`, from each column's `min` (its longest word) and `max` (its
 * longest line unbroken). All at their natural width when those fit; else each keeps its
 * longest word and the rest goes to the columns that want more, in proportion to how much;
 * and where even the longest words do not fit, a column whose longest word is under an equal
 * share of what is left keeps it, and the others share the rest equally.
 */
export function columnWidths(min: readonly number[], max: readonly number[], width: number): number[] {
  const total = sum(max);
  if (total <= width) return max.map((w) => (total > 0 ? (w / total) * width : width / max.length));
  const floor = fairShares(min, width);
  const extra = Math.max(0, width - sum(floor));
  const want = max.map((w, c) => Math.max(0, w - floor[c]!));
  const wanted = sum(want) || 1;
  return floor.map((w, c) => w + (want[c]! / wanted) * extra);
}

/** Each column's `need` when all fit in `width`; else the smallest needs met in full and the rest sharing equally. */
function fairShares(need: readonly number[], width: number): number[] {
  if (sum(need) <= width) return [...need];
  const shares = new Array<number>(need.length);
  let left = width;
  let columns = need.length;
  for (const c of need.map((_, c) => c).sort((a, b) => need[a]! - need[b]!)) {
    const share = left / columns;
    shares[c] = Math.min(need[c]!, share);
    left -= shares[c];
    columns--;
  }
  return shares;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
