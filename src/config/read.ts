/** Reads and checks a config file (see load.ts, which loads this only when there is one). */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { diagnosticAt, fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { decodeRecord } from '../load/decode.js';
import { yamlLimitProblem } from '../load/yaml-limits.js';
import { validateYaml } from '../validate/yaml-diagnostics.js';
import { RULE_IDS } from '../validate/rules/index.js';
import { didYouMean } from '../validate/suggest.js';
import { configDefaults } from './defaults.js';
import type { ConfigResult } from './load.js';
import { isFormat } from '../render/formats.js';
import { CONFIG_KEYS, configSchema, type ResolvedConfig } from './schema.js';

/** The PDF theme's keys, which a project is likely to try here first: where they belong. */
const THEME_NOTE =
  "the PDF and Word briefings' look (page, margins, fonts, sizes, colours) is the templates' pdf-theme.yaml: `phrg-brief templates eject pdf-theme.yaml` copies it into the project to change";
const THEME_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
  ['theme', 'pdftheme', 'margins', 'fonts', 'font', 'sizes', 'colors', 'colours', 'lineheight', 'spacing', 'docx'].map((key) => [key, THEME_NOTE]),
);

/** The config at `path`, which exists, resolved against its folder. */
export async function readConfigFile(path: string): Promise<ConfigResult> {
  const file = relative(process.cwd(), path) || path;
  const decoded = decodeRecord(await readFile(path));
  if (!decoded.ok)
    return {
      diagnostics: [
        fileError(
          file,
          'encoding',
          `line ${decoded.line}, column ${decoded.column}: the byte 0x${decoded.byte.toString(16).toUpperCase()} is not UTF-8; save the file as UTF-8`,
        ),
      ],
    };

  const source = new SourceText(decoded.text);
  // The YAML is composed recursively: nesting past the bound is refused first, as in a record.
  const tooDeep = yamlLimitProblem(
    decoded.text,
    basename(path),
    'the config nests two deep at most (site: title, lang …); check the brackets, dashes and indentation',
  );
  if (tooDeep)
    return {
      diagnostics: [
        diagnosticAt(file, source, tooDeep.start, tooDeep.end, { severity: 'error', rule: 'too-complex', message: tooDeep.message, note: tooDeep.note }),
      ],
    };
  const document = parseDocument(decoded.text, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, logLevel: 'silent' });
  const validation = validateYaml(
    {
      file,
      source,
      document,
      offset: 0,
      knownKeys: (path) =>
        path[0] === 'site'
          ? ['title', 'lang', 'baseUrl']
          : path[0] === 'pdf'
            ? ['pageSize']
            : path[0] === 'fmt'
              ? ['wrap']
              : path[0] === 'limits'
                ? ['recordSize']
                : CONFIG_KEYS,
      elsewhere: (path) => (path.length === 0 ? THEME_KEYS : {}),
    },
    configSchema,
  );
  if (!validation.ok) return { diagnostics: validation.diagnostics };

  const { data } = validation;
  const diagnostics = [...validation.diagnostics];
  const ruleIds = RULE_IDS;
  for (const id of Object.keys(data.rules ?? {})) {
    if (ruleIds.includes(id)) continue;
    diagnostics.push({
      ...fileError(file, 'schema', `unknown rule ${id} in rules`),
      ...lineOfKey(source, id),
      note: didYouMean(id, ruleIds) ?? `rules: ${ruleIds.join(', ')}`,
    });
  }

  const configRoot = resolve(path, '..');
  const fallback = configDefaults(configRoot);
  const baseUrl = data.site?.baseUrl?.replace(/\/+$/, '');
  const config: ResolvedConfig = {
    ...fallback,
    file: path,
    rules: Object.freeze({ ...(data.rules ?? {}) }),
    abbreviations: Object.freeze([...(data.abbreviations ?? [])]),
    pdf: Object.freeze({ ...(data.pdf ?? {}) }),
    // The schema admits only known ids; the guard gives them their type.
    formats: Object.freeze([...(data.formats?.filter(isFormat) ?? fallback.formats)]),
    fmt: Object.freeze({ wrap: data.fmt?.wrap ?? fallback.fmt.wrap }),
    limits: Object.freeze({ recordSize: data.limits?.recordSize ?? fallback.limits.recordSize }),
    site: Object.freeze({
      title: data.site?.title ?? fallback.site.title,
      lang: data.site?.lang ?? fallback.site.lang,
      ...(baseUrl ? { baseUrl } : {}),
      search: data.site?.search ?? fallback.site.search,
    }),
  };
  if (data.templates !== undefined) {
    const dir = resolve(configRoot, data.templates);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      diagnostics.push({ ...fileError(file, 'schema', `templates: the folder ${data.templates} does not exist`), ...lineOfKey(source, 'templates') });
    }
    config.templatesDir = dir;
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { config: Object.freeze(config), diagnostics };
}

function fileError(file: string, rule: string, message: string): Diagnostic {
  return fileDiagnostic(file, { severity: 'error', rule, message });
}

/** The first line that starts a mapping key `key`, for errors found after validation. */
function lineOfKey(source: SourceText, key: string): Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const pattern = new RegExp(`^(\\s*)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'm');
  const match = pattern.exec(source.text);
  if (!match) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const start = source.positionAt(match.index + (match[1]?.length ?? 0));
  return { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + key.length };
}
