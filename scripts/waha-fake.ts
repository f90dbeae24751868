import { existsSync } from 'node:fs';
import { FakeWaha } from 'test/support/fake-waha.server';

// Runs a fake WAHA for local development: `npm run waha:fake`. The app's default WAHA_BASE_URL
// (http://127.0.0.1:3001) points here; WAHA_API_KEY comes from the environment or .env, like the app's.

const DEFAULT_PORT = 3001;

function loadDotEnv(): void {
  // Variables already set in the shell win over .env, as with scripts/load-dotenv.sh.
  if (existsSync('.env')) process.loadEnvFile('.env');
}

function portFromEnv(): number {
  const raw = process.env.FAKE_WAHA_PORT;
  const port = raw ? Number(raw) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`FAKE_WAHA_PORT must be a port number, got "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  loadDotEnv();
  const apiKey = process.env.WAHA_API_KEY || undefined;
  const fake = await FakeWaha.start({ port: portFromEnv(), apiKey, emitStatusEvents: true, controlApi: true });
  console.log(`Fake WAHA listening on ${fake.url} (${apiKey ? 'X-Api-Key required' : 'no API key'})`);
  console.log(`  a patient writes: curl -X POST ${fake.url}/__fake/inbound -H 'Content-Type: application/json' \\`);
  console.log(`    -d '{"session":"default","from":"5511987654321","body":"Oi, quero marcar uma consulta"}'`);
  console.log(`  pair a session:   curl -X POST ${fake.url}/__fake/status -H 'Content-Type: application/json' -d '{"session":"default","status":"WORKING"}'`);
  console.log(`  inspect:          ${fake.url}/__fake/requests, ${fake.url}/__fake/sent, ${fake.url}/__fake/sessions`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping fake WAHA`);
    fake.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
