/** A lint rule: one module per rule id, reporting through offsets of the file's text. */
import type { Severity } from '../../diagnostics/diagnostic.js';
import type { Meeting } from '../meeting.js';

export interface RuleReport {
  start: number;
  end: number;
  message: string;
  note?: string | undefined;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line for `--help` and the README. */
  description: string;
  check(meeting: Meeting, report: (problem: RuleReport) => void): void;
}
