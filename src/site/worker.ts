/** A build worker: renders the records it is sent, one at a time, and posts the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { renderRecordJob, type RenderSettings } from './record-job.js';

const settings = workerData as RenderSettings;

parentPort?.on('message', async (message: { id: number; path: string }) => {
  const result = await renderRecordJob(message.path, settings);
  // Hand the rendered bytes over rather than copying them.
  const transfer = (result.files ?? []).flatMap((file) => (typeof file.data === 'string' ? [] : [file.data.buffer as ArrayBuffer]));
  parentPort?.postMessage({ id: message.id, result }, transfer);
});
