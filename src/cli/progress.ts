/**
 * Build progress: a bar with the count and the record in hand on a terminal; in CI (not a
 * terminal, or CI set) a plain line at each tenth, so logs stay short for any archive size.
 */
import type { RecordStatus } from '../pipeline.js';

export class Progress {
  private readonly interactive: boolean;
  private lastTenth = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {
    this.interactive = Boolean(stream.isTTY) && !process.env.CI;
  }

  update({ done, total, file, status }: { done: number; total: number; file: string; status: RecordStatus }): void {
    if (!this.enabled || total < 2) return;
    if (this.interactive) {
      const width = 24;
      const filled = Math.round((done / total) * width);
      const columns = this.stream.columns ?? 80;
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${status.padEnd(9)} ${file}`;
      this.stream.write(`\r\u001b[2K${line.slice(0, columns - 1)}`);
      this.drawn = true;
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth > this.lastTenth || done === total) {
      this.lastTenth = tenth;
      if (total >= 20 || done === total) this.stream.write(`phrg-brief: ${done}/${total} records (${Math.round((done / total) * 100)}%)\n`);
    }
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\u001b[2K');
    this.drawn = false;
  }
}
