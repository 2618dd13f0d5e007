/** A lint rule: one module per rule id, reporting through offsets of the file's text. */
import type { Paragraph, Root } from 'mdast';
import type { Node } from 'unist';
import type { Severity } from '../../diagnostics/diagnostic.js';
import type { SourceText } from '../../diagnostics/source.js';
import type { Attribution, NearMiss } from '../attributions.js';
import type { Cast, Meeting } from '../meeting.js';
import type { TextSegment } from '../texts.js';

export interface RuleReport {
  start: number;
  end: number;
  message: string;
  note?: string | undefined;
}

export interface RuleContext {
  /** The record's path as reported; its name carries the meeting's date (`YYYY-MM-DD-slug.md`). */
  file: string;
  source: SourceText;
  tree: Root;
  attributions: readonly Attribution[];
  /** The record's chairs and speakers when they are valid, even if the rest of the front-matter is not. */
  cast?: Cast;
  /** The validated record; absent when its front-matter has errors. */
  meeting?: Meeting;
  /** Front-matter prose and body blocks, located (computed once, on first use). */
  texts(): readonly TextSegment[];
  /** Abbreviations the project declares known (phrg-brief.yaml `abbreviations`). */
  abbreviations: readonly string[];
  /**
   * The `intro` override's Markdown, parsed (its tree's positions are of `text`), and the file
   * offsets of its value (read when asked); absent when none.
   */
  intro(): { tree: Root; text: string; range(): [number, number] } | undefined;
  /** The body's nodes of these types, in document order (the tree is walked once for every rule). */
  nodes<T extends Node>(...types: T['type'][]): T[];
  /** What nearMissAttribution finds in a paragraph of the body, with this record's keys (worked out once a paragraph). */
  nearMiss(paragraph: Paragraph): NearMiss | undefined;
  /** File offsets of the front-matter node at `path`, when there is one. */
  frontMatterRange(path: readonly (string | number)[]): [number, number] | undefined;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** What it finds, for the README's table of rules (Markdown; scripts/rule-table.ts writes it). */
  description: string;
  /**
   * What it reads beyond the body: `cast`, the chairs and speakers (skipped while they are
   * invalid); `meeting`, every fact (skipped while any of the front-matter is).
   */
  needs: 'body' | 'cast' | 'meeting';
  check(context: RuleContext, report: (problem: RuleReport) => void): void;
}
