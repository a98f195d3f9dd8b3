import { createServer } from 'node:net';

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}

/** A TCP port on 127.0.0.1 nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return listenOnce(0);
}

/**
 * A free port below the OS's ephemeral range: the Temporal server stores membership ports in a
 * PostgreSQL smallint, so they must stay under 32768 (the OS would pick above it).
 */
export async function freePortBelow32768(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    const bound = await listenOnce(candidate).catch(() => null);
    if (bound) return bound;
  }
  throw new Error('no free port found between 20000 and 32000');
}
