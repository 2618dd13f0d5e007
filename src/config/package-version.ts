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

let id: string | undefined;

/**
 * The bundle's digest, which scripts/bundle.mjs writes beside it: phrg-brief rebuilt from
 * changed sources under the same version is another phrg-brief to the build cache. Found by
 * the same relative URL from the sources (the tests, whose in-process builds then share a
 * cache with the CLI's) as from the bundle; empty when there is no bundle.
 */
export function buildId(): string {
  if (id === undefined) {
    try {
      id = readFileSync(new URL('../../lib/bundle/build-id', import.meta.url), 'utf8').trim();
    } catch {
      id = '';
    }
  }
  return id;
}
