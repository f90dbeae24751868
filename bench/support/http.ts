import { createServer } from 'node:net';
import { ServiceProcess } from './children';

export const LOOPBACK = '127.0.0.1';

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: LOOPBACK, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first free port on 127.0.0.1 from `preferred` upwards, skipping `taken`. */
export async function findFreePort(preferred: number, taken: readonly number[] = []): Promise<number> {
  for (let port = preferred; port < preferred + 200 && port <= 65_535; port += 1) {
    if (!taken.includes(port) && (await isFree(port))) return port;
  }
  throw new Error(`no free port on ${LOOPBACK} in ${preferred}-${preferred + 199}`);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `url` until it answers 200; fails early if `service` exits, or after `timeoutMs`. */
export async function waitForOk(url: string, service: ServiceProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const exit = service.exitStatus;
    if (exit) throw new Error(`${service.name} exited (${exit}) before ${url} answered 200\n${service.stderr}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await delay(250);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})\n${service.stderr}`);
}

/** Logs in and returns the access token. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status < 200 || response.status >= 300) throw new Error(`login as ${email} answered HTTP ${response.status}: ${text.slice(0, 500)}`);
  const body: unknown = JSON.parse(text);
  const token = typeof body === 'object' && body !== null ? (body as { access_token?: unknown }).access_token : undefined;
  if (typeof token !== 'string' || token.length === 0) throw new Error(`login answered ${response.status} without access_token: ${text.slice(0, 500)}`);
  return token;
}

/** One request that must answer 200 before the load starts, so a broken route fails the bench loudly. */
export async function expectOk(url: string, headers: Record<string, string> = {}): Promise<void> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered HTTP ${response.status}: ${text.slice(0, 500)}`);
}
