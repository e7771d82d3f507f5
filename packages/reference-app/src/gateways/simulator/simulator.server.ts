import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { GatewaySimulator } from './simulator.app.js';

/** A simulator listening on a TCP port. */
export interface RunningSimulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/**
 * Serves a simulator over real HTTP; port 0 (the default) picks a free ephemeral port.
 *
 * @param simulator - the simulator to serve
 * @param options - `port` (default 0) and `hostname` (default `127.0.0.1`)
 * @returns the base URL and a `close` function
 * @example
 * const running = await startGatewaySimulator(createGatewaySimulator({ webhookSecret: 'whsec' }));
 * await running.close();
 */
export function startGatewaySimulator(
  simulator: GatewaySimulator,
  options: { readonly port?: number; readonly hostname?: string } = {},
): Promise<RunningSimulator> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: simulator.app.fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => {
              if (error) {
                fail(error);
              } else {
                done();
              }
            });
            if ('closeAllConnections' in server) {
              server.closeAllConnections();
            }
          }),
      });
    });
    server.once('error', reject);
  });
}
