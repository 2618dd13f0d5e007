import { afterEach, describe, expect, it } from 'vitest';
import { PackReader, PackWriter, type PackPlace } from '../../src/site/entry-pack.js';
import { tempProject, type TempProject } from '../helpers/cli.js';

describe('the build cache’s pack', () => {
  let project: TempProject;
  afterEach(() => project?.remove());

  it('reads back every record, in any order, and as it is written', () => {
    project = tempProject();
    const manifest = project.path('cache', 'build-test.json');
    const writer = new PackWriter(manifest);
    // Records of a few bytes to a few megabytes.
    const sizes = [10, 700_000, 500_000, 3, 2_500_000, 90_000, 1_048_576, 1, 400_000];
    const records = sizes.map((size, i) => ({ entry: `${i}:`.padEnd(size, String.fromCharCode(97 + i)), summary: `{"n":${i},"é":"ü"}` }));
    const places: PackPlace[] = [];
    for (const record of records) {
      places.push(writer.append(record.entry, record.summary));
      // What it holds so far reads back while it is written (briefings.json is made so).
      expect(writer.read(places.at(-1)!).toString('utf8')).toBe(record.entry);
    }
    for (const [i, place] of places.entries()) expect(writer.readSummary(place)).toBe(records[i]!.summary);
    writer.close();

    const reader = PackReader.at(writer.path, places)!;
    const order = [...places.keys()];
    for (const indexes of [order, [...order].reverse(), [4, 0, 8, 1, 7, 2, 6, 3, 5]]) {
      for (const i of indexes) {
        expect(reader.read(places[i]!).toString('utf8'), `record ${i}`).toBe(records[i]!.entry);
        expect(reader.readSummary(places[i]!)).toBe(records[i]!.summary);
      }
    }
    reader.close();
  });

  it('refuses a place past its end', () => {
    project = tempProject();
    const writer = new PackWriter(project.path('cache', 'build-test.json'));
    const place = writer.append('entry', '{}');
    expect(() => writer.read([place[0], place[1] + 10, 0])).toThrow(/shorter than its manifest says/);
    writer.close();
  });
});
