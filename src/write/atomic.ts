/**
 * Writes a file so that readers only ever see the old whole file or the new whole file:
 * the bytes go to a temporary name in the same folder, which is then renamed over the target.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rename as renameThen,
  renameSync,
  rm as rmThen,
  rmSync,
  writeFile as writeFileThen,
  writeFileSync,
  writevSync,
} from 'node:fs';
import { chmod, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files this module writes: `.<name>.<pid>.<random>.tmp`. */
export const TEMPORARY_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** The search index's folders while it is written and swapped in (site/search-index.ts): `.pagefind.<pid>.tmp|old`. */
const SEARCH_INDEX_FOLDER = /^\.pagefind\.(\d+)\.(tmp|old)$/;

/**
 * Removes temporary files left by a write that was killed mid-way, where a build writes:
 * the output folder itself (with the search index's folders) and its tags/, people/ and schema/.
 * This process's own are not stale: a build that keeps running makes its search index behind
 * its next build (preview/search-behind.ts).
 */
export async function removeStaleTemporaryFiles(dir: string): Promise<void> {
  await Promise.all(temporaryFiles(dir, (pid) => pid !== process.pid).map((path) => rm(path, { recursive: true, force: true })));
}

/**
 * This process's own temporary files and search-index folder in `dir`, removed at once: for a
 * build stopped by Ctrl-C, whose output folder is then left as the last whole files it wrote.
 */
export function removeOwnTemporaryFilesSync(dir: string): void {
  for (const path of temporaryFiles(dir, (pid) => pid === process.pid)) {
    try {
      rmSync(path, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // Pagefind, a process of its own, may still be writing its index into its folder: what is
      // left there is removed by the next build, and the build still ends as stopped.
    }
  }
}

/** The temporary files (and search-index folders) where a build writes, of the processes `whose` picks. */
function temporaryFiles(dir: string, whose: (pid: number) => boolean): string[] {
  const found: string[] = [];
  for (const sub of ['', 'tags', 'people', 'schema']) {
    const folder = join(dir, sub);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue; // not made (yet)
    }
    for (const name of names) {
      const pid = (TEMPORARY_FILE.exec(name) ?? (sub === '' ? SEARCH_INDEX_FOLDER.exec(name) : null))?.[1];
      if (pid !== undefined && whose(Number(pid))) found.push(join(folder, name));
    }
  }
  return found;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // A page of a large archive runs to megabytes: written piece by piece, it is never also
  // whole in memory as UTF-8.
  if (typeof data === 'string' && data.length > PIECE) await writeChunksAtomic(path, pieces(data));
  else await writeFileAtomicBehind(path, data);
}

/** Characters per piece of a long text written out. */
const PIECE = 1 << 20;

/** `text` in pieces of about PIECE characters, never parting the two halves of a surrogate pair. */
export function* pieces(text: string, size = PIECE): Generator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + size);
    const last = text.charCodeAt(end - 1);
    // Ending on a high surrogate: end before it, or after its pair when it stands alone.
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - 1 > start ? -1 : 1;
    yield text.slice(start, end);
    start = end;
  }
}

/** Writes under way on libuv's threads, and whether the process is stopping (no write starts then). */
const writing = new Set<Promise<void>>();
let halted = false;

/**
 * Lets no write of this thread's start from now on, and waits (at most `ms`) for those under
 * way: so that a build stopped by Ctrl-C can take away its temporary files knowing this thread
 * is making none. Worker threads' writes (a large archive's) are not stopped: the process's
 * exit ends them, and a temporary file one leaves is removed by the next build.
 */
export async function haltWrites(ms: number): Promise<void> {
  halted = true;
  await Promise.race([Promise.allSettled([...writing]), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}

/** Temporary names: this thread's own sequence from a random start, cheaper than random bytes each. */
let sequence = randomBytes(4).readUInt32BE(0);
const temporaryName = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${(sequence++ >>> 0).toString(16).padStart(8, '0')}.tmp`);

/** Folders this process has made sure of, so that a build of thousands asks once per folder. */
const madeFolders = new Set<string>();

/** The folder `path` goes in, made once in this process. */
function folderMade(path: string): string {
  const dir = dirname(path);
  if (!madeFolders.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeFolders.add(dir);
  }
  return dir;
}

/**
 * writeFileAtomic at once, for the build's many small files: the build settles each record as
 * it comes, and queueing each write's five steps on libuv's pool costs more than the writes.
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, retried = false): void {
  const dir = folderMade(path);
  const temporary = temporaryName(path);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    // The folder may have gone since this process made it: make it again, once.
    if (!retried && madeFolders.delete(dir)) return writeFileAtomicSync(path, data, true);
    throw error;
  }
}

/**
 * writeFileAtomicSync's steps on libuv's threads, for a thread that has rendering to do
 * meanwhile (and writeFileAtomic's, for a file that is not long): the callback forms, as each
 * promise-based step costs the calling thread more.
 */
export function writeFileAtomicBehind(path: string, data: string | Uint8Array, retried = false): Promise<void> {
  if (halted) return new Promise(() => undefined); // never settles: the process is ending
  let dir: string;
  try {
    dir = folderMade(path);
  } catch (error) {
    // Rejected, never thrown: a retry runs inside a callback, where a throw would be uncaught
    // and leave the build waiting on this write for ever (a file where the folder should be).
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const temporary = temporaryName(path);
  const written = new Promise<void>((resolve, reject) => {
    const failed = (error: Error): void =>
      rmThen(temporary, { force: true }, () => {
        // The folder may have gone since this process made it: make it again, once.
        if (!retried && madeFolders.delete(dir)) writeFileAtomicBehind(path, data, true).then(resolve, reject);
        else reject(error);
      });
    writeFileThen(temporary, data, (error) => {
      if (error) return failed(error);
      renameThen(temporary, path, (renameError) => (renameError ? failed(renameError) : resolve()));
    });
  });
  writing.add(written);
  void written.then(
    () => writing.delete(written),
    () => writing.delete(written),
  );
  return written;
}

/** Like writeFileAtomic, for a file made piece by piece that is never whole in memory. */
export async function writeChunksAtomic(path: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  await replaceAtomically(path, async (temporary) => {
    // Written at once in pieces of a megabyte: each awaited small write costs a round trip.
    const file = openSync(temporary, 'w');
    try {
      let pending: Uint8Array[] = [];
      let size = 0;
      for (const chunk of chunks) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        pending.push(bytes);
        size += bytes.byteLength;
        if (size >= 1 << 20) {
          writeAll(file, pending);
          pending = [];
          size = 0;
        }
      }
      writeAll(file, pending);
    } finally {
      closeSync(file);
    }
  });
}

/** Writes the pieces in one call, as they are (no copy into one buffer first). */
function writeAll(file: number, pieces: Uint8Array[]): void {
  const left = pieces.filter((piece) => piece.byteLength > 0);
  while (left.length > 0) {
    let written = writevSync(file, left);
    // A short write: drop what went, and go on from the middle of the piece it stopped in.
    while (left.length > 0 && written >= left[0]!.byteLength) written -= left.shift()!.byteLength;
    if (written > 0) left[0] = left[0]!.subarray(written);
  }
}

/**
 * A file of the user's own rewritten whole (a record fmt formats): as writeFileAtomic writes,
 * but to the file a symbolic link leads to, the link kept, and with the permissions the file
 * had, where a new file's would have made a private record readable by all. A file no one may
 * write is refused: its owner made it read-only.
 */
export async function rewriteFileAtomic(path: string, data: string): Promise<void> {
  let target = path;
  let mode: number | undefined;
  try {
    target = await realpath(path);
    mode = (await stat(target)).mode & 0o7777;
  } catch {
    // Not there (yet): written as a new file.
  }
  if (mode !== undefined && (mode & 0o222) === 0) throw Object.assign(new Error(`${path} is read-only`), { code: 'EROFILE' });
  await replaceAtomically(target, async (temporary) => {
    await writeFile(temporary, data);
    if (mode !== undefined) await chmod(temporary, mode); // the umask narrows a mode given on creating
  });
}

async function replaceAtomically(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temporary = temporaryName(path);
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes only when the content differs, so an unchanged file keeps its date. The file as it is
 * is read at once, not queued on libuv's pool: its four steps there cost three times the read
 * (the 157 person pages of 1,000 records: 41-73 ms against 13-19 ms, warm).
 */
export async function writeFileIfChanged(path: string, data: string | Uint8Array): Promise<boolean> {
  let current: Buffer | undefined;
  try {
    current = readFileSync(path);
  } catch {
    current = undefined; // not there yet, or not readable: written anew either way
  }
  // A page of an archive runs to megabytes: encode it for comparing only when it may be equal.
  const length = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  if (current?.length === length && current.equals(typeof data === 'string' ? Buffer.from(data) : data)) return false;
  await writeFileAtomic(path, data);
  return true;
}
