"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PG_FOREIGN_KEY_VIOLATION = exports.PG_UNIQUE_VIOLATION = void 0;
exports.pgErrorCode = pgErrorCode;
exports.isUniqueViolation = isUniqueViolation;
exports.isConnectionError = isConnectionError;
const typeorm_1 = require("typeorm");
exports.PG_UNIQUE_VIOLATION = '23505';
exports.PG_FOREIGN_KEY_VIOLATION = '23503';
function pgErrorCode(error) {
    if (!(error instanceof typeorm_1.QueryFailedError))
        return undefined;
    const code = error.driverError?.code;
    return typeof code === 'string' ? code : undefined;
}
function isUniqueViolation(error, constraint) {
    if (pgErrorCode(error) !== exports.PG_UNIQUE_VIOLATION)
        return false;
    if (!constraint)
        return true;
    return error.driverError.constraint === constraint;
}
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001', '08003']);
const CONNECTION_ERROR_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;
function isConnectionError(error) {
    if (!(error instanceof Error))
        return false;
    const code = error.code ?? error.driverError?.code;
    return CONNECTION_ERROR_CODES.has(String(code)) || CONNECTION_ERROR_MESSAGES.test(error.message);
}
//# sourceMappingURL=pg-errors.js.map