import { connect } from 'node:net';
import { serialize } from 'pg-protocol';

export interface BackendAddress {
  host: string;
  port: number;
}

/**
 * Asks PostgreSQL to cancel whatever the backend `processId` is running, over a connection of its own (the
 * protocol's CancelRequest: no authentication, no pool connection needed, so it works even when the pool is full).
 */
export function sendCancelRequest(address: BackendAddress, processId: number, secretKey: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = address.host.startsWith('/')
      ? connect(`${address.host}/.s.PGSQL.${address.port}`)
      : connect(address.port, address.host);
    const done = () => {
      socket.destroy();
      resolve();
    };
    socket.setTimeout(5_000, done);
    socket.once('error', done);
    socket.once('connect', () => socket.end(serialize.cancel(processId, secretKey)));
    socket.once('close', done);
  });
}
