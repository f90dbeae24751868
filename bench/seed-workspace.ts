/**
 * `npm run seed:workspace [-- --database <name>] [--conversations <n>]`: adds the big clinic of `bench:workspace`
 * (by default 50,000 conversations with 1,000,000 messages and 20,000 leads; `--conversations` scales all three) to a
 * migrated database — the app's own by default, so a running `npm start` shows it — and prints how to log in. Its
 * WhatsApp numbers' keys are sealed with the app's SECRETS_ENCRYPTION_KEYS. A database that already holds it is left
 * as it is.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadEnv } from 'src/config';
import { withConnection } from './support/ingest-db';
import { FULL_SIZE, seedWorkspace, WORKSPACE_PASSWORD } from './support/workspace-seed';

const ROOT = resolve(__dirname, '..');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  if (existsSync(join(ROOT, '.env'))) process.loadEnvFile(join(ROOT, '.env'));
  const env = loadEnv();
  const database = option('database') ?? env.DATABASE_NAME;
  const conversations = Number(option('conversations') ?? FULL_SIZE.conversations);
  if (!Number.isInteger(conversations) || conversations < 100 || conversations > 1_000_000) {
    throw new Error('--conversations must be a whole number from 100 to 1000000');
  }
  const existing: { email: string }[] = await withConnection(database, (db) =>
    db.query(`SELECT email FROM users WHERE email LIKE 'admin-%@workspace.bench' ORDER BY created_at LIMIT 1`),
  );
  if (existing.length > 0) {
    process.stdout.write(`${database} already holds the workspace clinic: log in as ${existing[0].email} / ${WORKSPACE_PASSWORD}\n`);
    return;
  }
  const size = { ...FULL_SIZE, conversations, leads: Math.round((conversations * FULL_SIZE.leads) / FULL_SIZE.conversations) };
  const started = Date.now();
  const seeded = await seedWorkspace(database, env.SECRETS_ENCRYPTION_KEYS, size);
  process.stdout.write(
    `${database}: ${size.conversations} conversations, ${size.conversations * size.messagesPerConversation} messages and ${size.leads} leads ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      `admin: ${seeded.adminEmail}  secretaries: ${seeded.secretaryEmails.join(', ')}  password: ${WORKSPACE_PASSWORD}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
