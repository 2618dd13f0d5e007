/**
 * `init --ci github`'s workflow, fitted to the repository the project is in. GitHub reads
 * workflows from the repository's root only, runs them there, and publishes on pushes to the
 * branch the workflow names: a project in a sub-folder gets its workflow at the root, working
 * in that folder, and the workflow names the branch the repository is on (`git init` still
 * starts `master` on many machines, and a workflow for `main` would then never publish).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export interface Repository {
  root: string;
  /** The remote's default branch, else the branch checked out (or to be made by the first commit). */
  branch: string;
}

/** The git repository `dir` is in, if any. */
export function repositoryOf(dir: string): Repository | undefined {
  let root = dir;
  while (!existsSync(join(root, '.git'))) {
    const parent = dirname(root);
    if (parent === root) return undefined;
    root = parent;
  }
  return { root, branch: defaultBranch(root) ?? currentBranch(root) ?? 'main' };
}

/**
 * The branch a clone's remote publishes from (`origin/HEAD`): `init` is often run on a
 * branch made for the change, and a workflow naming that branch would stop publishing once
 * it is merged.
 */
function defaultBranch(root: string): string | undefined {
  try {
    const ref = execFileSync('git', ['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return ref.trim().replace(/^origin\//, '') || undefined;
  } catch {
    return undefined; // no remote, no git, or a remote whose HEAD was never fetched
  }
}

function currentBranch(root: string): string | undefined {
  try {
    return execFileSync('git', ['symbolic-ref', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    // No git on the PATH, or a detached HEAD: a plain repository's HEAD file still says.
    try {
      return /^ref: refs\/heads\/(.+)$/m.exec(readFileSync(join(root, '.git', 'HEAD'), 'utf8'))?.[1];
    } catch {
      return undefined;
    }
  }
}

/** A YAML scalar for a branch or folder name: plain when it can be. */
const scalar = (value: string): string => (/^[\w./-]+$/.test(value) && !/^[-.]/.test(value) ? value : JSON.stringify(value));

function replaceAll(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the workflow template has no "${from}"`);
  return text.split(from).join(to);
}

/** The workflow template for a project at `project` in `repository` (or alone, publishing from main). */
export function githubWorkflow(template: string, project: string, repository: Repository | undefined): string {
  let text = template;
  const branch = repository?.branch ?? 'main';
  if (branch !== 'main') {
    text = replaceAll(text, 'branches: [main]', `branches: [${scalar(branch)}]`);
    text = replaceAll(text, "github.ref == 'refs/heads/main'", `github.ref == 'refs/heads/${branch.replace(/'/g, "''")}'`);
  }
  const folder = repository ? relative(repository.root, project).split(sep).join('/') : '';
  if (folder) {
    text = replaceAll(
      text,
      'permissions: {}\n',
      `permissions: {}\n\n# The project is in ${folder}/ of the repository: its commands run there.\ndefaults:\n  run:\n    working-directory: ${scalar(folder)}\n`,
    );
    // setup-node reads the path as a glob: a folder named "[briefings]" is matched as written.
    text = replaceAll(
      text,
      '          cache: npm\n',
      `          cache: npm\n          cache-dependency-path: ${scalar(`${globEscaped(folder)}/package-lock.json`)}\n`,
    );
    text = replaceAll(text, '          path: dist\n', `          path: ${scalar(`${folder}/dist`)}\n`);
  }
  return text;
}

/** Where the workflow goes: the repository's root, else the project's. */
export function workflowPath(project: string, repository: Repository | undefined): string {
  return join(repository?.root ?? project, '.github', 'workflows', 'briefings.yml');
}

/** A path as a glob matches it alone: each of the glob's own characters in brackets of its own. */
export function globEscaped(path: string): string {
  return path.replace(/[[*?{}()]/g, (char) => `[${char}]`);
}
