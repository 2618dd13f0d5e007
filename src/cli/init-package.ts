/**
 * `init`'s package.json: the project names the phrg-brief it runs, so that the workflow's
 * `npm ci` installs that one, never whatever a registry has. The spec is the one this copy
 * was installed from — the project's own node_modules, or npx's cache folder, whose
 * package.json npx writes with the spec it was given.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

export const PACKAGE_NAME = 'phrg-brief';

type Manifest = Record<string, unknown> & {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

/** What `init` did, or would ask the user to do, about the project's package.json. */
export type PackagePlan =
  | { kind: 'named'; spec: string; created: boolean; text: string; notes: string[] }
  | { kind: 'present'; spec: string; notes: string[] }
  | { kind: 'unknown'; created: boolean; text?: string; notes: string[] };

/** The spec phrg-brief at `packageRoot` was installed from: absolute for a file, else as given. */
export function installedFrom(packageRoot: string, version: string): { installer: string; spec: string } | undefined {
  const modules = dirname(packageRoot);
  if (basename(modules) !== 'node_modules') return undefined; // a clone or a link: nothing says where from
  const installer = dirname(modules);
  const spec = dependencySpec(readManifest(join(installer, 'package.json')));
  if (spec === undefined) return undefined;
  if (spec.startsWith('file:')) {
    const path = spec.slice('file:'.length);
    return { installer, spec: `file:${isAbsolute(path) ? path : resolve(installer, path)}` };
  }
  // npx writes a bare name's spec as a range that a later release would also satisfy.
  return { installer, spec: spec === '*' || spec === 'latest' || spec === '' ? `^${version}` : spec };
}

/** Adds phrg-brief to `target`'s package.json (made when there is none) as `installedFrom` found it. */
export function planPackage(target: string, source: { installer: string; spec: string } | undefined): PackagePlan {
  const file = join(target, 'package.json');
  const existing = readManifest(file);
  const present = dependencySpec(existing);
  if (present !== undefined) return { kind: 'present', spec: present, notes: outsideNote(target, present) };
  const manifest: Manifest = existing ?? { name: projectName(target), private: true, description: 'Briefings published with phrg-brief' };
  if (!source) {
    return {
      kind: 'unknown',
      created: !existing,
      ...(existing ? {} : { text: `${JSON.stringify(manifest, null, 2)}\n` }),
      notes: [
        'this phrg-brief was not installed by npm, so package.json does not name it yet: run `npm install --save-dev <the tarball, git URL or version you install phrg-brief from>`',
      ],
    };
  }
  const spec = source.spec.startsWith('file:') ? `file:${relative(target, source.spec.slice('file:'.length)).split('\\').join('/')}` : source.spec;
  const devDependencies = Object.fromEntries(
    Object.entries({ ...manifest.devDependencies, [PACKAGE_NAME]: spec }).sort(([a], [b]) => a.localeCompare(b, 'en')),
  );
  const text = `${JSON.stringify({ ...manifest, devDependencies }, null, 2)}\n`;
  return { kind: 'named', spec, created: !existing, text, notes: outsideNote(target, spec) };
}

/** A file spec that leaves the project cannot be installed by a workflow on a fresh checkout. */
function outsideNote(target: string, spec: string): string[] {
  if (!spec.startsWith('file:')) return [];
  const path = spec.slice('file:'.length);
  const inside = !isAbsolute(path) && !relative(target, resolve(target, path)).startsWith('..');
  return inside
    ? []
    : [
        `package.json installs phrg-brief from ${path}, outside this folder: a CI's npm ci (the workflow's of init --ci github among them) cannot reach it; put the tarball in the project, or install phrg-brief from git or a registry`,
      ];
}

function dependencySpec(manifest: Manifest | undefined): string | undefined {
  return manifest?.devDependencies?.[PACKAGE_NAME] ?? manifest?.dependencies?.[PACKAGE_NAME] ?? manifest?.optionalDependencies?.[PACKAGE_NAME];
}

function readManifest(file: string): Manifest | undefined {
  if (!existsSync(file)) return undefined;
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${file} is not a JSON object`);
  return value as Manifest;
}

/** A package name from the folder's: lower case, letters, digits and dashes. */
function projectName(target: string): string {
  return (
    basename(target)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[._-]+|-+$/g, '') || 'briefings'
  );
}
