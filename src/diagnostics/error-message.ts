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

/**
 * Why a file of the user's could not be read or written, in words: the system's message names
 * the hidden temporary file a write goes through, which the user never made.
 */
export function fileFailure(error: unknown, doing: 'read' | 'write'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EROFILE') return 'it is read-only; make it writable first';
  if (code === 'EACCES' || code === 'EPERM') return doing === 'read' ? 'permission to read it is denied' : 'permission to write it, or its folder, is denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'it is on a read-only file system';
  if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST')
    return `a file or folder stands in the way of ${doing === 'read' ? 'reading' : 'writing'} it`;
  return `${doing === 'read' ? 'reading' : 'writing'} it failed: ${errorMessage(error)}`;
}
