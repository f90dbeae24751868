/**
 * The baseline of `npm run bench:ingest`: a bare Fastify server that parses the webhook's JSON body (Fastify's
 * default parser) and answers 200 `{"status":"accepted"}` on the app's webhook path. No signature check, no
 * storage, no logger, no plugins: what this machine can serve for the same requests. Bound to 127.0.0.1 on
 * BENCH_BARE_PORT; exits when the bench's end of its stdin closes.
 */
import Fastify from 'fastify';

const port = Number(process.env.BENCH_BARE_PORT);
if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  console.error(`bare-webhook-server: BENCH_BARE_PORT must be a TCP port, got ${JSON.stringify(process.env.BENCH_BARE_PORT)}`);
  process.exit(1);
}

const server = Fastify({ logger: false, bodyLimit: 256 * 1024 });
server.post('/api/v1/webhooks/waha', async (request) => {
  // Touch the parsed body so the parse cannot be skipped by any optimisation.
  if (typeof request.body !== 'object' || request.body === null) throw new Error('no JSON body');
  return { status: 'accepted' };
});
server.get('/', async () => ({ ok: true }));

let closing = false;
const close = (): void => {
  if (closing) return;
  closing = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
  setTimeout(() => process.exit(0), 2_000).unref();
};
process.once('SIGTERM', close);
process.once('SIGINT', close);
process.stdin.on('end', close);
process.stdin.on('error', close);
process.stdin.resume();

server.listen({ host: '127.0.0.1', port }).catch((error: unknown) => {
  console.error(`bare-webhook-server: cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
