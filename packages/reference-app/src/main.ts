import { serve } from '@hono/node-server';
import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 3000);
const server = serve({ fetch: createApp().fetch, port }, (info) => {
  console.info(`Faultline reference app listening on http://localhost:${String(info.port)}`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
  });
}
