/** Port probing, and the names the preview answers under once it listens. */
import type { Server } from 'node:http';
import { networkInterfaces } from 'node:os';

/** Listens on `port`, or the next free one when it is taken (port 0: any free port). */
export async function listen(server: Server, host: string, port: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = port === 0 ? 0 : port + attempt;
    const bound = await new Promise<number | undefined>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE') resolve(undefined);
        else reject(error);
      };
      const onListening = (): void => {
        server.off('error', onError);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : candidate);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(candidate, host);
    });
    if (bound !== undefined) return bound;
  }
  throw new Error(`no free port from ${port} to ${port + 19}`);
}

/** The host as a URL shows it: an IPv6 address in brackets. */
export const shownHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * The `host:port` values a request may name (lower case): the address listened on, loopback's
 * names, and, listening on every address, each of this machine's own addresses.
 */
export function ownHostNames(host: string, port: number): Set<string> {
  const names = new Set([shownHost(host), 'localhost', '127.0.0.1', '[::1]']);
  if (host === '0.0.0.0' || host === '::') {
    for (const addresses of Object.values(networkInterfaces()))
      for (const address of addresses ?? []) names.add(address.family === 'IPv6' ? `[${address.address}]` : address.address);
  }
  return new Set([...names].map((name) => `${name}:${port}`.toLowerCase()));
}
