/** What an error says, whatever was thrown (an Error, a string, anything). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
