/**
 * Heading levels as the PDF's tags and the Word file's styles number them: none skipped.
 * A record may go from its title straight to `###` (check warns: heading-level); the web page
 * keeps the record's levels, but a PDF that claims PDF/UA-1 may not skip one (7.4.2), and a
 * screen reader's list of headings reads better without the gap.
 */
export class HeadingLevels {
  private last = 0;

  /** The level a heading written at `level` is given: at most one below the heading before it. */
  next(level: number): number {
    this.last = Math.min(level, this.last + 1);
    return this.last;
  }
}
