/** Debian's Chromium through playwright-core; never a downloaded browser. */
import { chromium, type Browser } from 'playwright-core';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium for every browser test file of a worker (files share its module graph: see
 * vitest.config.ts), launched on first use: a launch costs about a CPU-second. Tests open their
 * own pages or contexts and close them, never the browser; Playwright ends it with the process.
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
