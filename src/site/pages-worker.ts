/** The pages worker: makes and writes the archive's pages, and says which (see site-pages.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { TemplateError } from '../compose/template-files.js';
import { writePagesHere, type SitePagesJob, type SitePagesReply } from './site-pages.js';

const reply = (message: SitePagesReply): void => parentPort?.postMessage(message);

writePagesHere(workerData as SitePagesJob).then(
  (written) => reply({ written }),
  (error: unknown) =>
    reply(
      error instanceof TemplateError
        ? { templateError: { file: error.file, message: error.message } }
        : { error: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    ),
);
