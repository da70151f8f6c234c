/** Listening on loopback on a port the OS picks, as the local stand-ins and the tests do. */
import type { Server } from 'node:http';

/** Resolves with the port once `server` listens on 127.0.0.1. */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  // Only a server listening on a pipe or not listening at all has no port.
  if (address === null || typeof address === 'string') throw new Error('The server is not listening on a TCP port.');
  return address.port;
}
