/**
 * The CLI's exit codes, apart from main.ts so that each command's module can return them
 * without loading Commander and every other command with main.ts.
 */
/** Success. */
export const EXIT_OK = 0;
/** A record (or the config) has errors, or the command failed. */
export const EXIT_ERRORS = 1;
/** Bad usage: an unknown flag, command or value. */
export const EXIT_USAGE = 2;
