import { types } from 'node:util';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { isConnectionError, PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorCode } from 'src/database/pg-errors';
import { AppException, CommonErrorCode } from 'src/common/exceptions/app.exception';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId: string;
}

const STATUS_CODES: Partial<Record<number, CommonErrorCode>> = {
  400: CommonErrorCode.BadRequest,
  401: CommonErrorCode.Unauthenticated,
  403: CommonErrorCode.Forbidden,
  404: CommonErrorCode.NotFound,
  405: CommonErrorCode.MethodNotAllowed,
  409: CommonErrorCode.Conflict,
  413: CommonErrorCode.PayloadTooLarge,
  415: CommonErrorCode.UnsupportedMediaType,
  429: CommonErrorCode.RateLimited,
  503: CommonErrorCode.ServiceUnavailable,
};

// Nest re-wraps Fastify's body-parser errors as plain HttpExceptions, keeping only the message.
const FASTIFY_JSON_ERROR = /(not valid JSON|cannot be empty when content-type is set to 'application\/json')/;

// ioredis gives up on a command with these when Redis is unreachable.
const REDIS_UNAVAILABLE = new Set(['MaxRetriesPerRequestError', 'Connection is closed.']);

function isInfrastructureDown(exception: unknown): boolean {
  if (!(exception instanceof Error) && !types.isNativeError(exception)) return false;
  return isConnectionError(exception) || REDIS_UNAVAILABLE.has(exception.name) || REDIS_UNAVAILABLE.has(exception.message);
}

/** Fastify's own errors (body parsing, content type, size) arrive as plain errors with a numeric statusCode. */
interface FastifyLikeError {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception, String(request.id));
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId, code: body.code }, 'request failed');
    }
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE && !reply.getHeader('retry-after')) {
      reply.header('Retry-After', '5');
    }
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof AppException) {
      return { statusCode: exception.getStatus(), code: exception.code, message: exception.message, details: exception.details, requestId };
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, code: CommonErrorCode.RateLimited, message: 'Too many requests, retry later', requestId };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const message = this.httpMessage(exception);
      if (statusCode === 400 && FASTIFY_JSON_ERROR.test(message)) {
        return { statusCode, code: CommonErrorCode.InvalidJson, message: 'Malformed JSON body', requestId };
      }
      return { statusCode, code: STATUS_CODES[statusCode] ?? CommonErrorCode.BadRequest, message, requestId };
    }
    if (exception instanceof QueryFailedError) return this.databaseError(exception, requestId);
    const fastifyError = this.fastifyClientError(exception, requestId);
    if (fastifyError) return fastifyError;
    if (isInfrastructureDown(exception)) {
      return { statusCode: 503, code: CommonErrorCode.ServiceUnavailable, message: 'Service temporarily unavailable', requestId };
    }
    return { statusCode: 500, code: CommonErrorCode.InternalError, message: 'Internal server error', requestId };
  }

  private httpMessage(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : exception.message;
  }

  private databaseError(exception: QueryFailedError, requestId: string): ErrorBody {
    const code = pgErrorCode(exception);
    if (code === PG_UNIQUE_VIOLATION) {
      return { statusCode: 409, code: CommonErrorCode.Conflict, message: 'The record conflicts with an existing one', requestId };
    }
    if (code === PG_FOREIGN_KEY_VIOLATION) {
      return { statusCode: 409, code: CommonErrorCode.Conflict, message: 'The record references or is referenced by another record', requestId };
    }
    if (isConnectionError(exception)) {
      return { statusCode: 503, code: CommonErrorCode.ServiceUnavailable, message: 'Service temporarily unavailable', requestId };
    }
    return { statusCode: 500, code: CommonErrorCode.InternalError, message: 'Internal server error', requestId };
  }

  // Without this, malformed JSON or an oversized body would surface as a 500 (nestjs/nest#15022, #5224).
  private fastifyClientError(exception: unknown, requestId: string): ErrorBody | undefined {
    if (typeof exception !== 'object' || exception === null) return undefined;
    const { statusCode, code, message } = exception as FastifyLikeError;
    if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
    const text = typeof message === 'string' ? message : 'Bad request';
    if (statusCode === 400 && (exception instanceof SyntaxError || String(code).includes('JSON'))) {
      return { statusCode, code: CommonErrorCode.InvalidJson, message: 'Malformed JSON body', requestId };
    }
    if (statusCode === 413) {
      return { statusCode, code: CommonErrorCode.PayloadTooLarge, message: 'Request body is too large', requestId };
    }
    if (statusCode === 415) {
      return { statusCode, code: CommonErrorCode.UnsupportedMediaType, message: text, requestId };
    }
    return { statusCode, code: STATUS_CODES[statusCode] ?? CommonErrorCode.BadRequest, message: text, requestId };
  }
}
