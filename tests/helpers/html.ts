/** The visible text of a built page, without a browser (for sentence checks); the Nu checker's report. */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export function articleText(html: string): string {
  const tree = fromHtml(html);
  const article = select('article', tree);
  return toText(article ?? tree)
    .replace(/\s+/g, ' ')
    .trim();
}

export interface NuMessage {
  type: string;
  message: string;
  url: string;
  lastLine?: number;
}

/**
 * The Nu HTML Checker's messages on `files`, in one Java start (a start costs seconds: check
 * many pages at once). The JVM is told to compile with C1 only and collect garbage serially,
 * which roughly halves the CPU time of so short a run; the stack is raised as vnu asks. Run
 * asynchronously, so that a test thread can start it early and go on while Java works.
 */
export function nuMessages(files: readonly string[]): Promise<NuMessage[]> {
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  const java = ['-Xss4m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', jar, '--format', 'json', '--also-check-css', ...files];
  return new Promise((resolve, reject) => {
    execFile('java', java, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      // vnu exits 1 when it finds errors, and writes its JSON report to stderr either way.
      if (error && !stderr.startsWith('{')) return reject(new Error(`the Nu checker failed: ${stderr || error.message}`));
      try {
        resolve((JSON.parse(stderr || '{"messages":[]}') as { messages: NuMessage[] }).messages);
      } catch (parseError) {
        reject(parseError instanceof Error ? parseError : new Error(String(parseError)));
      }
    });
  });
}
