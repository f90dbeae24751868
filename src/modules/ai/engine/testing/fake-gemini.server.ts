import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  apiKey: string | undefined;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body: unknown;
}

/**
 * Speaks just enough of the Generative Language REST API (generateContent, embedContent, batchEmbedContents) for
 * the real LangChain client to run against it on loopback. Plays queued responses; the last one repeats.
 */
export class FakeGeminiServer {
  readonly requests: RecordedRequest[] = [];
  private queue: FakeResponse[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  respond(...responses: FakeResponse[]): void {
    this.requests.length = 0;
    this.queue = responses;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const header = req.headers['x-goog-api-key'];
    this.requests.push({
      method: req.method ?? '',
      path: req.url ?? '',
      apiKey: Array.isArray(header) ? header[0] : header,
      body: raw ? (JSON.parse(raw) as unknown) : undefined,
    });
    const next = this.queue.length > 1 ? this.queue.shift() : this.queue[0];
    const { status, body } = next ?? { status: 500, body: { error: { code: 500, message: 'no response queued' } } };
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

export function candidateText(text: string, usage = { promptTokenCount: 321, candidatesTokenCount: 45 }): FakeResponse {
  return {
    status: 200,
    body: {
      candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { ...usage, totalTokenCount: usage.promptTokenCount + usage.candidatesTokenCount },
    },
  };
}

export function apiError(status: number, message: string, reason?: string): FakeResponse {
  const statusNames: Record<number, string> = { 400: 'INVALID_ARGUMENT', 403: 'PERMISSION_DENIED', 429: 'RESOURCE_EXHAUSTED', 503: 'UNAVAILABLE' };
  const details = reason ? [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }] : undefined;
  return { status, body: { error: { code: status, message, status: statusNames[status] ?? 'UNKNOWN', details } } };
}
