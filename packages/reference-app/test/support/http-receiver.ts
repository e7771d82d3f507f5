import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request captured by {@link startReceiver}. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A local HTTP receiver on 127.0.0.1 that records requests and answers with a chosen status. */
export interface Receiver {
  readonly url: string;
  readonly received: ReceivedRequest[];
  status: number;
  close(): Promise<void>;
}

/**
 * Starts a receiver on an ephemeral port (alerts and webhooks are posted to it in tests).
 *
 * @example
 * const receiver = await startReceiver();
 * await receiver.close();
 */
export function startReceiver(): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  let status = 200;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        received,
        get status() {
          return status;
        },
        set status(value: number) {
          status = value;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => {
              done();
            });
          }),
      });
    });
  });
}
