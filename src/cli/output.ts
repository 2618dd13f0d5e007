/**
 * Where a command prints: the process's stdout and stderr, or strings collected in memory, so
 * that the same command logic runs in-process (tests, scripts) with the same words.
 */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal that takes colour. */
  readonly color: boolean;
}

/** The process's own streams; colour on a terminal unless NO_COLOR is set. */
export const processOutput: Output = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  get color() {
    return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  },
};

/** An output that keeps what is printed, without colour. */
export interface CollectedOutput extends Output {
  readonly printed: { stdout: string; stderr: string };
}

export function collectOutput(): CollectedOutput {
  const printed = { stdout: '', stderr: '' };
  return {
    printed,
    stdout: (text) => void (printed.stdout += text),
    stderr: (text) => void (printed.stderr += text),
    color: false,
  };
}
