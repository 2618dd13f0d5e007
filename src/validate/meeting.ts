/** The validated record: its facts, attributed points and body, ready to compose. */
import type { Root } from 'mdast';
import type { SourceText } from '../diagnostics/source.js';
import type { Attribution } from './attributions.js';
import type { Person, RecordData, Speaker } from './schema.js';

/** Who chaired and spoke: what attributions are checked against. */
export interface Cast {
  /** Chairs as a list, whether the record gave one or several. */
  chairs: Speaker[];
  speakers: Speaker[];
  /** Every keyed person, speakers and chairs, by key. */
  people: ReadonlyMap<string, Person>;
}

export interface Meeting extends Cast {
  file: string;
  source: SourceText;
  /** Output file name without extension. */
  slug: string;
  data: RecordData;
  attributions: Attribution[];
  tree: Root;
}

export function isPerson(speaker: Speaker): speaker is Person {
  return typeof speaker !== 'string';
}

/** The name to show for a key: the person's name, else their note. */
export function displayName(person: Person): string {
  return person.name ?? person.note ?? person.key ?? '';
}
