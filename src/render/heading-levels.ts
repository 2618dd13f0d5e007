/**
 * Heading levels as the PDF's tags and the Word file's styles number them: none skipped.
 * A record may go from its title straight to `###` (check warns: heading-level); the web page
 * keeps the record's levels, but a PDF that claims PDF/UA-1 may not skip one (7.4.2), and a
 * screen reader's list of headings reads better without the gap. The outline stays the
 * record's: a heading is one below the nearest heading before it written higher, and level
 * with one written at its own level (`### A`, `#### A.1`, `### B` give 2, 3, 2).
 */
export class HeadingLevels {
  /** The headings in hand, outermost first: the level each was written at and the level it was given. */
  private readonly open: { written: number; given: number }[] = [];

  /** The level a heading written at `level` is given. */
  next(level: number): number {
    while (this.open.length > 0 && this.open.at(-1)!.written >= level) this.open.pop();
    const given = Math.min(level, (this.open.at(-1)?.given ?? 0) + 1);
    this.open.push({ written: level, given });
    return given;
  }
}
