/** What an error says, whatever was thrown (an Error, a string, anything). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether `error` is V8's stack overflow: input nested, or calls recursing, past what the stack holds. */
export function isStackOverflow(error: unknown): boolean {
  // No regular expression: near the stack's end, compiling one overflows it again (as a
  // SyntaxError that quotes the same words, which this also takes for what it is).
  return error instanceof Error && error.message.includes('Maximum call stack size exceeded');
}
