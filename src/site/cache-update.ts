/**
 * The build cache as this build leaves it: the manifest, begun from the last build's records,
 * and the pack of entries that the rendered records are added to. Saved only when something
 * changed, so a build with nothing to do writes nothing at all.
 */
import type { CacheEntry, Manifest } from './cache.js';
import { emptyManifest, saveManifest } from './cache.js';
import { PackReader, PackWriter, removeOtherPacks, type PackPlace } from './entry-pack.js';

/** What the build settled beside the records, for the manifest. */
export type SiteState = Pick<Manifest, 'siteFiles' | 'siteKey' | 'dataKey' | 'dataFiles' | 'searchKey'>;

export class CacheUpdate {
  /** This build's manifest: the last build's records until each is settled again. */
  readonly manifest: Manifest;
  /** This build's pack, once a record has been added. */
  private next: PackWriter | undefined;
  /** Records whose entry is in this build's pack already. */
  private readonly packed = new Set<string>();

  private constructor(
    readonly manifestFile: string,
    readonly previous: Manifest,
    /** The last build's pack: a record whose entry cannot be had from it renders again. */
    readonly last: PackReader | undefined,
    private readonly force: boolean,
  ) {
    this.manifest = { ...emptyManifest(), records: { ...previous.records } };
  }

  /** Opens the last build's pack; close the update on every way out of the build. */
  static open(manifestFile: string, previous: Manifest, force: boolean): CacheUpdate {
    return new CacheUpdate(manifestFile, previous, PackReader.open(manifestFile, previous.pack, Object.values(previous.records)), force);
  }

  /** The pack the site files are made from: this build's, or else the last one. */
  get entries(): PackReader | PackWriter | undefined {
    return this.next ?? this.last;
  }

  /** Adds a record's entry of briefings.json and its summary to this build's pack. */
  pack(source: string, entry: string, summary: string): PackPlace {
    this.next ??= this.openPack();
    const place = this.next.append(entry, summary);
    this.packed.add(source);
    return place;
  }

  set(source: string, entry: CacheEntry): void {
    this.manifest.records[source] = entry;
  }

  forget(source: string): void {
    delete this.manifest.records[source];
  }

  /**
   * Once every record is settled: a new pack takes the entries of the records not rendered
   * this time from the last one; and an entry left from before new settings (its record
   * failed this time) loses its stamp, so that the record is read and rendered next time.
   */
  carryOver(settings: string): void {
    const { records } = this.manifest;
    const pack = this.next;
    if (pack && !pack.extends) {
      for (const [source, entry] of Object.entries(records)) {
        if (this.packed.has(source) || !entry.entry) continue;
        const bytes = this.last?.tryReadRecord(entry.entry);
        if (bytes) records[source] = { ...entry, entry: pack.appendRecord(bytes, entry.entry[1]) };
        else delete records[source]; // nothing to place it by: rendered next time
      }
    }
    if (this.previous.settings !== settings) {
      for (const [source, entry] of Object.entries(records)) {
        if (this.packed.has(source) || entry.stamp === undefined) continue;
        const { stamp: _stale, ...rest } = entry;
        records[source] = rest;
      }
    }
  }

  /**
   * Closes the packs and writes the manifest, unless the build changed nothing the manifest
   * holds: `changed` says whether any record was rendered, restamped or removed.
   */
  async save(settings: string, fontFiles: readonly string[], site: SiteState, changed: boolean): Promise<void> {
    const { manifest, previous } = this;
    Object.assign(manifest, site);
    manifest.settings = settings;
    if (fontFiles.length > 0) manifest.fonts = [...fontFiles];
    else delete manifest.fonts;
    this.close();
    const packName = this.next?.name ?? previous.pack;
    if (packName) manifest.pack = packName;
    const same = (key: keyof SiteState): boolean => previous[key] === manifest[key];
    const unchanged =
      !changed &&
      same('searchKey') &&
      previous.settings === settings &&
      String(previous.fonts) === String(manifest.fonts) &&
      same('siteKey') &&
      same('dataKey') &&
      Object.keys(previous.records).length === Object.keys(manifest.records).length;
    if (unchanged) return;
    await saveManifest(this.manifestFile, manifest);
    removeOtherPacks(this.manifestFile, manifest.pack);
  }

  /** Closes both packs; again is nothing. */
  close(): void {
    this.next?.close();
    this.last?.close();
  }

  /** Adds to the last pack while most of it is still in use; else starts afresh, compacted. */
  private openPack(): PackWriter {
    const { last, previous } = this;
    const inUse = Object.values(previous.records).reduce((sum, entry) => sum + (entry.entry ? entry.entry[1] + entry.entry[2] : 0), 0);
    return new PackWriter(this.manifestFile, last && !this.force && last.size <= 2 * inUse + (1 << 20) ? last : undefined);
  }
}
