/**
 * The options several commands share, each declared once and added to every command that takes
 * it, and the parsers of option values. Kept free of command modules: main.ts loads this before
 * any command runs, and a command's module imports its types only.
 */
import { InvalidArgumentError, Option, type Command, type OptionValues } from '@commander-js/extra-typings';
import { PAGE_ADDRESS } from '../config/schema.js';
import type { FormatSpec } from '../render/formats.js';

/** As in diagnostics/reporters (not imported from there: that would load every reporter for --help). */
const REPORTERS = ['pretty', 'json', 'github'] as const;
export type ReporterChoice = (typeof REPORTERS)[number];

/** `--config`: every command that reads phrg-brief.yaml. */
export interface ConfigOption {
  config?: string;
}
/** `--debug`: every command that can meet an internal error. */
export interface DebugOption {
  debug?: boolean;
}
/** `--reporter`: every command that prints diagnostics. */
export interface ReporterOption {
  reporter: ReporterChoice;
}

// Each adds its option to a command and returns it, its options' type grown by the option's
// (Commander's extra typings), so that each action's options are checked against its module's.
export const withConfig = <A extends unknown[], O extends OptionValues, G extends OptionValues>(command: Command<A, O, G>) =>
  command.option('-c, --config <file>', 'config file (default: phrg-brief.yaml in the working directory)');
export const withDebug = <A extends unknown[], O extends OptionValues, G extends OptionValues>(command: Command<A, O, G>) =>
  command.option('--debug', 'print stack traces of internal errors');
export const withReporter = <A extends unknown[], O extends OptionValues, G extends OptionValues>(command: Command<A, O, G>) =>
  command.addOption(new Option('-r, --reporter <name>', 'how to print problems').choices(REPORTERS).default('pretty' as ReporterChoice));
/** The record files or folders a command reads, `meetings` unless named. */
export const withRecordPaths = <A extends unknown[], O extends OptionValues, G extends OptionValues>(command: Command<A, O, G>) =>
  command.argument('[paths...]', 'record files or folders of records', ['meetings']);

export function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of 1 or more');
  return n;
}

/** A folder given by name (--out, --dir): not empty, which would mean the project folder itself. */
export function folderName(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('a folder name, such as dist');
  return value;
}

/**
 * --base-url: the published site's address, as `site.baseUrl` in phrg-brief.yaml takes it
 * (http or https, a folder: no query, fragment or space); its trailing slashes dropped.
 */
export function siteAddress(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:\/\/[^/]/i.test(value) || /[?#\s]/.test(value)) {
    throw new InvalidArgumentError('the address of the published site, http or https, without ?, # or a space, such as https://example.org/briefings');
  }
  if (PAGE_ADDRESS.test(value))
    throw new InvalidArgumentError('the address of the folder the site is in, not of a page (index.html), such as https://example.org/briefings');
  return value.replace(/\/+$/, '');
}

/** The --format parser for a list of formats: comma-separated ids, each known. */
export function formatList(formats: readonly FormatSpec[]): (value: string) => string[] {
  const known = formats.map((format) => format.id);
  return (value) => {
    const chosen = value
      .split(',')
      .map((format) => format.trim().toLowerCase())
      .filter(Boolean);
    if (chosen.length === 0 || chosen.some((format) => !known.includes(format))) {
      throw new InvalidArgumentError(`formats are a comma-separated list of: ${known.join(', ')}`);
    }
    return [...new Set(chosen)];
  };
}
