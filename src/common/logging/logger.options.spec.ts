import { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { buildPinoHttpOptions } from './logger.options';

function captureLogger(): { logger: pino.Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const { formatters, serializers } = buildPinoHttpOptions({ logLevel: 'info' });
  const logger = pino({ formatters, serializers }, sink);
  return { logger, lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('logger options', () => {
  it('should redact secrets and patients’ data nested one level deep', () => {
    const { logger, lines } = captureLogger();
    logger.info(
      {
        dto: { password: 'hunter2-hunter2', refresh_token: 'rt_abc' },
        message: { body: 'Estou com dor no peito', text: 'dor', phone: '+5511999999999', chatId: '5511999999999@c.us' },
        user: { id: 'u1' },
      },
      'handled',
    );
    const [line] = lines();
    const serialized = JSON.stringify(line);
    for (const secret of ['hunter2', 'rt_abc', 'dor no peito', '5511999999999']) expect(serialized).not.toContain(secret);
    expect(line.user).toEqual({ id: 'u1' });
  });

  it('should censor sensitive fields at the top level too, and leave other objects untouched', () => {
    const { logger, lines } = captureLogger();
    const context = { userId: 'u1' };
    logger.info({ password: 'hunter2-hunter2', context }, 'top level');
    const [line] = lines();
    expect(line.password).toBe('[REDACTED]');
    expect(line.context).toEqual({ userId: 'u1' });
    expect(context).toEqual({ userId: 'u1' });
  });

  it('should not change the caller’s objects when censoring', () => {
    const { logger } = captureLogger();
    const dto = { password: 'hunter2-hunter2' };
    logger.info({ dto }, 'handled');
    expect(dto.password).toBe('hunter2-hunter2');
  });

  it('should log a request as id, method and path only: no headers, no query string', () => {
    const { logger, lines } = captureLogger();
    const req = {
      id: 'req-1',
      method: 'GET',
      url: '/api/v1/contacts?search=5511999999999',
      headers: { authorization: 'Bearer secret-token', cookie: 'sid=1' },
    } as unknown as IncomingMessage;
    logger.info({ req, res: { statusCode: 200 } as ServerResponse }, 'request completed');
    const [line] = lines();
    expect(line.req).toEqual({ id: 'req-1', method: 'GET', url: '/api/v1/contacts' });
    expect(JSON.stringify(line)).not.toMatch(/secret-token|5511999999999|sid=1/);
  });
});
