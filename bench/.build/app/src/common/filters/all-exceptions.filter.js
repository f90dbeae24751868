"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AllExceptionsFilter = void 0;
const common_1 = require("@nestjs/common");
const throttler_1 = require("@nestjs/throttler");
const typeorm_1 = require("typeorm");
const pg_errors_1 = require("../../database/pg-errors");
const app_exception_1 = require("../exceptions/app.exception");
const STATUS_CODES = {
    400: app_exception_1.CommonErrorCode.BadRequest,
    401: app_exception_1.CommonErrorCode.Unauthenticated,
    403: app_exception_1.CommonErrorCode.Forbidden,
    404: app_exception_1.CommonErrorCode.NotFound,
    405: app_exception_1.CommonErrorCode.MethodNotAllowed,
    409: app_exception_1.CommonErrorCode.Conflict,
    413: app_exception_1.CommonErrorCode.PayloadTooLarge,
    415: app_exception_1.CommonErrorCode.UnsupportedMediaType,
    429: app_exception_1.CommonErrorCode.RateLimited,
    503: app_exception_1.CommonErrorCode.ServiceUnavailable,
};
const FASTIFY_JSON_ERROR = /(not valid JSON|cannot be empty when content-type is set to 'application\/json')/;
const REDIS_UNAVAILABLE = new Set(['MaxRetriesPerRequestError', 'Connection is closed.']);
function isInfrastructureDown(exception) {
    if (!(exception instanceof Error))
        return false;
    return (0, pg_errors_1.isConnectionError)(exception) || REDIS_UNAVAILABLE.has(exception.name) || REDIS_UNAVAILABLE.has(exception.message);
}
let AllExceptionsFilter = class AllExceptionsFilter {
    logger = new common_1.Logger('ExceptionFilter');
    catch(exception, host) {
        if (host.getType() !== 'http')
            throw exception;
        const request = host.switchToHttp().getRequest();
        const reply = host.switchToHttp().getResponse();
        const body = this.toBody(exception, String(request.id));
        if (body.statusCode >= 500) {
            this.logger.error({ err: exception, requestId: body.requestId, code: body.code }, 'request failed');
        }
        if (body.statusCode === common_1.HttpStatus.SERVICE_UNAVAILABLE && !reply.getHeader('retry-after')) {
            reply.header('Retry-After', '5');
        }
        void reply.status(body.statusCode).send(body);
    }
    toBody(exception, requestId) {
        if (exception instanceof app_exception_1.AppException) {
            return { statusCode: exception.getStatus(), code: exception.code, message: exception.message, details: exception.details, requestId };
        }
        if (exception instanceof throttler_1.ThrottlerException) {
            return { statusCode: 429, code: app_exception_1.CommonErrorCode.RateLimited, message: 'Too many requests, retry later', requestId };
        }
        if (exception instanceof common_1.HttpException) {
            const statusCode = exception.getStatus();
            const message = this.httpMessage(exception);
            if (statusCode === 400 && FASTIFY_JSON_ERROR.test(message)) {
                return { statusCode, code: app_exception_1.CommonErrorCode.InvalidJson, message: 'Malformed JSON body', requestId };
            }
            return { statusCode, code: STATUS_CODES[statusCode] ?? app_exception_1.CommonErrorCode.BadRequest, message, requestId };
        }
        if (exception instanceof typeorm_1.QueryFailedError)
            return this.databaseError(exception, requestId);
        const fastifyError = this.fastifyClientError(exception, requestId);
        if (fastifyError)
            return fastifyError;
        if (isInfrastructureDown(exception)) {
            return { statusCode: 503, code: app_exception_1.CommonErrorCode.ServiceUnavailable, message: 'Service temporarily unavailable', requestId };
        }
        return { statusCode: 500, code: app_exception_1.CommonErrorCode.InternalError, message: 'Internal server error', requestId };
    }
    httpMessage(exception) {
        const response = exception.getResponse();
        if (typeof response === 'string')
            return response;
        const message = response.message;
        if (Array.isArray(message))
            return message.join('; ');
        return typeof message === 'string' ? message : exception.message;
    }
    databaseError(exception, requestId) {
        const code = (0, pg_errors_1.pgErrorCode)(exception);
        if (code === pg_errors_1.PG_UNIQUE_VIOLATION) {
            return { statusCode: 409, code: app_exception_1.CommonErrorCode.Conflict, message: 'The record conflicts with an existing one', requestId };
        }
        if (code === pg_errors_1.PG_FOREIGN_KEY_VIOLATION) {
            return { statusCode: 409, code: app_exception_1.CommonErrorCode.Conflict, message: 'The record references or is referenced by another record', requestId };
        }
        if ((0, pg_errors_1.isConnectionError)(exception)) {
            return { statusCode: 503, code: app_exception_1.CommonErrorCode.ServiceUnavailable, message: 'Service temporarily unavailable', requestId };
        }
        return { statusCode: 500, code: app_exception_1.CommonErrorCode.InternalError, message: 'Internal server error', requestId };
    }
    fastifyClientError(exception, requestId) {
        if (typeof exception !== 'object' || exception === null)
            return undefined;
        const { statusCode, code, message } = exception;
        if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500)
            return undefined;
        const text = typeof message === 'string' ? message : 'Bad request';
        if (statusCode === 400 && (exception instanceof SyntaxError || String(code).includes('JSON'))) {
            return { statusCode, code: app_exception_1.CommonErrorCode.InvalidJson, message: 'Malformed JSON body', requestId };
        }
        if (statusCode === 413) {
            return { statusCode, code: app_exception_1.CommonErrorCode.PayloadTooLarge, message: 'Request body is too large', requestId };
        }
        if (statusCode === 415) {
            return { statusCode, code: app_exception_1.CommonErrorCode.UnsupportedMediaType, message: text, requestId };
        }
        return { statusCode, code: STATUS_CODES[statusCode] ?? app_exception_1.CommonErrorCode.BadRequest, message: text, requestId };
    }
};
exports.AllExceptionsFilter = AllExceptionsFilter;
exports.AllExceptionsFilter = AllExceptionsFilter = __decorate([
    (0, common_1.Catch)()
], AllExceptionsFilter);
//# sourceMappingURL=all-exceptions.filter.js.map