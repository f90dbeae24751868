import { ArgumentsHost, BadRequestException, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { AppException } from 'src/common/exceptions/app.exception';
import { AllExceptionsFilter } from './all-exceptions.filter';

interface Sent {
  status?: number;
  body?: Record<string, unknown>;
  headers: Record<string, string>;
}

function host(sent: Sent): ArgumentsHost {
  const reply = {
    status: (code: number) => {
      sent.status = code;
      return reply;
    },
    send: (body: Record<string, unknown>) => {
      sent.body = body;
      return reply;
    },
    header: (name: string, value: string) => {
      sent.headers[name] = value;
      return reply;
    },
    getHeader: (name: string) => sent.headers[name],
  };
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-1' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
}

function catchWith(exception: unknown): Sent {
  const sent: Sent = { headers: {} };
  new AllExceptionsFilter().catch(exception, host(sent));
  return sent;
}

function queryFailed(code: string): QueryFailedError {
  return new QueryFailedError('INSERT …', [], Object.assign(new Error('db'), { code }));
}

describe(AllExceptionsFilter.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('should keep an AppException’s code, status and details', () => {
    const sent = catchWith(new AppException('LEAD_NOT_FOUND', 404, 'Lead not found', { id: 'x' }));
    expect(sent.status).toBe(404);
    expect(sent.body).toEqual({ statusCode: 404, code: 'LEAD_NOT_FOUND', message: 'Lead not found', details: { id: 'x' }, requestId: 'req-1' });
  });

  it('should map Nest HTTP exceptions to generic codes', () => {
    expect(catchWith(new NotFoundException('Cannot GET /x')).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(catchWith(new HttpException('nope', 403)).body).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('should map Fastify’s re-wrapped JSON errors to INVALID_JSON', () => {
    const wrapped = new HttpException("Body is not valid JSON but content-type is set to 'application/json'", 400);
    expect(catchWith(wrapped).body).toMatchObject({ statusCode: 400, code: 'INVALID_JSON' });
  });

  it('should map 413 and 415 to their codes', () => {
    expect(catchWith(new HttpException('Request body is too large', 413)).body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(catchWith(new HttpException('Unsupported Media Type', 415)).body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('should map raw Fastify client errors carrying a statusCode', () => {
    const raw = Object.assign(new Error('Body is not valid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(catchWith(raw).body).toMatchObject({ statusCode: 400, code: 'INVALID_JSON' });
  });

  it('should answer 429 RATE_LIMITED for the throttler', () => {
    expect(catchWith(new ThrottlerException()).body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
  });

  it('should turn uncaught unique and foreign-key violations into 409 CONFLICT', () => {
    expect(catchWith(queryFailed('23505')).body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    expect(catchWith(queryFailed('23503')).body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
  });

  it('should answer 503 with Retry-After when the database is unreachable', () => {
    const sent = catchWith(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(sent.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(sent.headers['Retry-After']).toBe('5');
  });

  it('should answer 503 when Redis is unreachable', () => {
    expect(catchWith(new Error('Connection is closed.')).body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(catchWith(Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' })).body).toMatchObject({
      statusCode: 503,
    });
  });

  it('should hide anything else behind a generic 500', () => {
    const sent = catchWith(new Error('secret internals: password=hunter2'));
    expect(sent.body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: 'req-1' });
  });

  it('should keep a validation error’s message list readable', () => {
    expect(catchWith(new BadRequestException(['a is bad', 'b is bad'])).body).toMatchObject({ message: 'a is bad; b is bad' });
  });
});
