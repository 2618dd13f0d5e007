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

/**
 * A long-running command's rebuild that failed because phrg-brief's own files changed under it
 * (an `npm install` of another version while `preview` or `build --watch` ran): a module it
 * loads on demand is gone. Only a new start mends that, and the message says so.
 */
export function rebuildFailure(error: unknown): string {
  const gone = error instanceof Error && (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
  return gone ? `${errorMessage(error)}: phrg-brief was updated or removed while it ran; stop it (Ctrl-C) and start it again` : errorMessage(error);
}
