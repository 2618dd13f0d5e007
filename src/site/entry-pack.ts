/**
 * Each record's entry of briefings.json, printed, kept between builds in one pack file beside
 * the manifest, which holds each entry's place in it. A build appends the entries of the
 * records it rendered to the last pack — the last manifest's places, all before its old end,
 * stay good, so a build killed half-way leaves that manifest and its pack as they were — or,
 * once more than half the pack is entries no record holds any more, writes a new pack under a
 * new name that only the new manifest names. One file rather than one per record, because
 * creating files is what costs most on a busy disk (measured: a third of the time writing).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where an entry lies in its pack: byte offset and length. */
export type PackPlace = [offset: number, length: number];

/** An open pack file: entries are read by their place, and it closes once. */
class PackFile {
  private closed = false;

  protected constructor(protected readonly fd: number) {}

  read([offset, length]: PackPlace): Buffer {
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
    /** The pack file's name and size when opened. */
    readonly name: string,
    readonly size: number,
  ) {
    super(fd);
  }

  /**
   * The pack `name` beside the manifest, when it is there to read and long enough for every
   * entry the manifest places in it; otherwise none, and those records render again.
   */
  static open(manifestFile: string, name: string | undefined, entries: readonly { entry?: PackPlace | undefined }[]): PackReader | undefined {
    const path = name ? join(dirname(manifestFile), name) : undefined;
    if (!path || !existsSync(path)) return undefined;
    const needed = entries.reduce((most, { entry }) => Math.max(most, entry ? entry[0] + entry[1] : 0), 0);
    const fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size >= needed) return new PackReader(fd, basename(path), size);
    closeSync(fd);
    return undefined;
  }

  /** The entry, or none when it cannot be read (the pack was damaged since it was opened). */
  tryRead(place: PackPlace): Buffer | undefined {
    try {
      return this.read(place);
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
    super(openSync(join(dirname(manifestFile), name), last ? 'r+' : 'w+'));
    this.name = name;
    this.extends = last !== undefined;
    this.size = last?.size ?? 0;
  }

  append(entry: string | Uint8Array): PackPlace {
    const bytes = typeof entry === 'string' ? Buffer.from(entry) : entry;
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
    const place: PackPlace = [this.size, bytes.length];
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
