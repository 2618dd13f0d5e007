/**
 * phrg-brief's own version, read once from its package.json. This module sits two folders
 * below the package root both as source (src/config/) and bundled (lib/bundle/), so the same
 * relative URL finds the file from either.
 */
import { readFileSync } from 'node:fs';

let version: string | undefined;

export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
