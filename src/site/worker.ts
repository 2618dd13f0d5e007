/**
 * A build worker: renders the records it is sent, one at a time, and writes their files
 * itself. The main thread decides who owns an output name (output-owners.ts), so a record's
 * files wait here until it grants the name: the worker posts what the main thread keeps (the
 * summary, the archive entry, the diagnostics and the file names, not the rendered bytes),
 * renders its next record meanwhile, and writes the files when told to.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { writeFileAtomicSync } from '../write/atomic.js';
import { renderRecordJob, type RenderedFile, type RenderSettings } from './record-job.js';
import type { WorkerReply, WorkerRequest } from './worker-messages.js';

const { settings, outDir } = workerData as { settings: RenderSettings; outDir: string };

/** Rendered files awaiting the main thread's word, by request id. */
const waiting = new Map<number, RenderedFile[]>();

const reply = (message: WorkerReply): void => parentPort?.postMessage(message);

parentPort?.on('message', async (message: WorkerRequest) => {
  if (message.kind === 'render') {
    const result = await renderRecordJob(message.path, settings);
    if (result.files) waiting.set(message.id, result.files);
    reply({ kind: 'rendered', id: message.id, result: { ...result, ...(result.files ? { files: result.files.map(({ name }) => ({ name })) } : {}) } });
    return;
  }
  const files = waiting.get(message.id) ?? [];
  waiting.delete(message.id);
  if (!message.write) return;
  for (const file of files) {
    const target = join(outDir, file.name);
    try {
      writeFileAtomicSync(target, file.data ?? '');
    } catch (error) {
      // The reason crosses as a message and a code: an Error's own fields do not survive the copy.
      const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
      reply({
        kind: 'written',
        id: message.id,
        failure: { target, message: error instanceof Error ? error.message : String(error), ...(code ? { code } : {}) },
      });
      return;
    }
  }
  reply({ kind: 'written', id: message.id });
});
