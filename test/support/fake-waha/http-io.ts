import { IncomingMessage, ServerResponse } from 'node:http';
import { FakeRequest, FakeResponse, RecordedRequest } from 'test/support/fake-waha/fake-waha.types';

const STREAM_CHUNK_BYTES = 1024;

export async function readRequest(incoming: IncomingMessage): Promise<FakeRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
  return {
    method: incoming.method ?? 'GET',
    path: decodePath(url.pathname),
    url: incoming.url ?? '/',
    query: url.searchParams,
    headers: incoming.headers,
    body: parseBody(Buffer.concat(chunks)),
  };
}

/** `%40` and `@` name the same file. */
export function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function parseBody(raw: Buffer): unknown {
  if (raw.length === 0) return null;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

export function recordOf(request: FakeRequest): RecordedRequest {
  return {
    method: request.method,
    path: request.path,
    url: request.url,
    query: Object.fromEntries(request.query.entries()),
    headers: { ...request.headers },
    body: request.body,
    at: new Date(),
  };
}

export async function writeResponse(res: ServerResponse, response: FakeResponse): Promise<void> {
  if (response.raw) return writeRaw(res, response.status, response.raw, response.contentType ?? 'application/octet-stream', response.chunked ?? false);
  if (response.body === undefined) {
    res.writeHead(response.status, { 'Content-Length': '0' }).end();
    return;
  }
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) }).end(text);
}

async function writeRaw(res: ServerResponse, status: number, data: Buffer, contentType: string, chunked: boolean): Promise<void> {
  if (!chunked) {
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(data.length) }).end(data);
    return;
  }
  res.writeHead(status, { 'Content-Type': contentType });
  for (let offset = 0; offset < data.length && !res.destroyed; offset += STREAM_CHUNK_BYTES) {
    res.write(data.subarray(offset, offset + STREAM_CHUNK_BYTES));
    await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
}
