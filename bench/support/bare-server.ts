/**
 * The baseline of the benchmarks: a bare Fastify server answering `GET /` with 200 `{"ok":true}` (bench:http)
 * and, for bench:ingest, parsing the webhook's JSON body on the app's webhook path and answering 200
 * `{"status":"accepted"}` (no signature check, no storage).
 * Started by the bench as its own process (so it never shares an event loop with autocannon),
 * bound to 127.0.0.1 on BENCH_BARE_PORT. No logger, no plugins, no hooks: the ceiling of this machine.
 */
import Fastify from 'fastify';

const port = Number(process.env.BENCH_BARE_PORT);
if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  console.error(`bare-server: BENCH_BARE_PORT must be a TCP port, got ${JSON.stringify(process.env.BENCH_BARE_PORT)}`);
  process.exit(1);
}

const server = Fastify({ logger: false, bodyLimit: 256 * 1024 });
server.get('/', async () => ({ ok: true }));
server.post('/api/v1/webhooks/waha', async (request) => {
  // Touch the parsed body so the parse cannot be skipped by any optimisation.
  if (typeof request.body !== 'object' || request.body === null) throw new Error('no JSON body');
  return { status: 'accepted' };
});

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
// The bench holds the other end of stdin; if it dies without cleaning up, stop too.
process.stdin.on('end', close);
process.stdin.on('error', close);
process.stdin.resume();

server.listen({ host: '127.0.0.1', port }).catch((error: unknown) => {
  console.error(`bare-server: cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
