import { createServer } from 'node:net';
import { SamenhangError } from '@samenhang/errors';

/** A currently free TCP port on 127.0.0.1 (the OS picks it; we release it at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === 'object' && addr ? resolve(addr.port) : reject(new SamenhangError('ERR_INTERNAL', 'no port')),
      );
    });
  });
}

/**
 * Whether `port` on 127.0.0.1 can be listened on now: nothing else listens there. Like
 * nats-server, Node listens with SO_REUSEADDR, so a port whose last listener has just
 * exited (connections still in TIME_WAIT) counts as free, as it is for the next listener.
 */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}
