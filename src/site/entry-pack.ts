/**
 * Each record's entry of briefings.json, printed, and its summary for the site pages, kept
 * between builds in one pack file beside the manifest, which holds each one's place in it. A build appends the entries of the
 * records it rendered to the last pack — the last manifest's places, all before its old end,
 * stay good, so a build killed half-way leaves that manifest and its pack as they were — or,
 * once more than half the pack is entries no record holds any more, writes a new pack under a
 * new name that only the new manifest names. One file rather than one per record, because
 * creating files is what costs most on a busy disk (measured: a third of the time writing).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Where a record lies in its pack: the byte offset of its entry, the entry's length, and the
 * length of the summary (JSON) that follows it.
 */
export type PackPlace = [offset: number, entryLength: number, summaryLength: number];

/** The byte just past the record at `place`. */
const endOf = ([offset, entryLength, summaryLength]: PackPlace): number => offset + entryLength + summaryLength;

/** An open pack file: records are read by their place, and it closes once. */
class PackFile {
  private closed = false;

  protected constructor(
    protected readonly fd: number,
    /** The pack file's path. */
    readonly path: string,
  ) {}

  /** The record's entry of briefings.json. */
  read([offset, entryLength]: PackPlace): Buffer {
    return this.span(offset, entryLength);
  }

  /** The record's summary, as JSON. */
  readSummary([offset, entryLength, summaryLength]: PackPlace): string {
    return this.span(offset + entryLength, summaryLength).toString('utf8');
  }

  protected span(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const got = readSync(this.fd, bytes, done, length - done, offset + done);
      if (got === 0) throw new Error('the build cache’s pack of entries is shorter than its manifest says');
      done += got;
    }
    return bytes;
  }

  /** Closes the file; again is nothing. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

export class PackReader extends PackFile {
  private constructor(
    fd: number,
    path: string,
    /** The pack file's name and size when opened. */
    readonly name: string,
    readonly size: number,
  ) {
    super(fd, path);
  }

  /**
   * The pack `name` beside the manifest, when it is there to read and long enough for every
   * record the manifest places in it; otherwise none, and those records render again.
   */
  static open(manifestFile: string, name: string | undefined, entries: readonly { entry?: PackPlace | undefined }[]): PackReader | undefined {
    const path = name ? join(dirname(manifestFile), name) : undefined;
    if (!path || !existsSync(path)) return undefined;
    return PackReader.at(
      path,
      entries.flatMap(({ entry }) => (entry ? [entry] : [])),
    );
  }

  /** The pack at `path` when it is long enough for every record of `places`. */
  static at(path: string, places: readonly PackPlace[]): PackReader | undefined {
    const needed = places.reduce((most, place) => Math.max(most, endOf(place)), 0);
    const fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size >= needed) return new PackReader(fd, path, basename(path), size);
    closeSync(fd);
    return undefined;
  }

  /** The record's bytes, entry and summary, or none when they cannot be read (the pack was damaged since it was opened). */
  tryReadRecord(place: PackPlace): Buffer | undefined {
    try {
      return this.span(place[0], endOf(place) - place[0]);
    } catch {
      return undefined;
    }
  }
}

/** A pack being written; what it holds so far reads back (briefings.json is made from it). */
export class PackWriter extends PackFile {
  /** The file name, to be recorded in the manifest. */
  readonly name: string;
  /** Whether this adds to the last pack (whose entries then stay where they are). */
  readonly extends: boolean;
  private size: number;

  /** A new pack, or with `last` the last one, to be added to at its end. */
  constructor(manifestFile: string, last?: PackReader) {
    mkdirSync(dirname(manifestFile), { recursive: true });
    const name = last?.name ?? `${basename(manifestFile, '.json')}.${randomBytes(4).toString('hex')}.pack`;
    const path = join(dirname(manifestFile), name);
    super(openSync(path, last ? 'r+' : 'w+'), path);
    this.name = name;
    this.extends = last !== undefined;
    this.size = last?.size ?? 0;
  }

  /** Adds a record: its entry of briefings.json and its summary. */
  append(entry: string, summary: string): PackPlace {
    const entryLength = Buffer.byteLength(entry);
    const bytes = Buffer.allocUnsafe(entryLength + Buffer.byteLength(summary));
    bytes.write(entry, 0);
    bytes.write(summary, entryLength);
    return this.appendRecord(bytes, entryLength);
  }

  /** Adds a record read whole from another pack (see `tryReadRecord`). */
  appendRecord(bytes: Uint8Array, entryLength: number): PackPlace {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
    const place: PackPlace = [this.size, entryLength, bytes.length - entryLength];
    this.size += bytes.length;
    return place;
  }
}

/** Removes the packs of this manifest other than `keep`: older ones, and any a killed build left. */
export function removeOtherPacks(manifestFile: string, keep: string | undefined): void {
  const dir = dirname(manifestFile);
  const prefix = `${basename(manifestFile, '.json')}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix) && name.endsWith('.pack') && name !== keep) rmSync(join(dir, name), { force: true });
}
