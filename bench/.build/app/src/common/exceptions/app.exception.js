"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CommonErrorCode = exports.AppException = void 0;
const common_1 = require("@nestjs/common");
class AppException extends common_1.HttpException {
    code;
    details;
    constructor(code, status, message, details) {
        super({ code, message, details }, status);
        this.code = code;
        this.details = details;
    }
}
exports.AppException = AppException;
var CommonErrorCode;
(function (CommonErrorCode) {
    CommonErrorCode["ValidationFailed"] = "VALIDATION_FAILED";
    CommonErrorCode["InvalidJson"] = "INVALID_JSON";
    CommonErrorCode["PayloadTooLarge"] = "PAYLOAD_TOO_LARGE";
    CommonErrorCode["UnsupportedMediaType"] = "UNSUPPORTED_MEDIA_TYPE";
    CommonErrorCode["BadRequest"] = "BAD_REQUEST";
    CommonErrorCode["Unauthenticated"] = "UNAUTHENTICATED";
    CommonErrorCode["Forbidden"] = "FORBIDDEN";
    CommonErrorCode["NotFound"] = "NOT_FOUND";
    CommonErrorCode["MethodNotAllowed"] = "METHOD_NOT_ALLOWED";
    CommonErrorCode["Conflict"] = "CONFLICT";
    CommonErrorCode["RateLimited"] = "RATE_LIMITED";
    CommonErrorCode["ServiceUnavailable"] = "SERVICE_UNAVAILABLE";
    CommonErrorCode["InternalError"] = "INTERNAL_ERROR";
})(CommonErrorCode || (exports.CommonErrorCode = CommonErrorCode = {}));
//# sourceMappingURL=app.exception.js.map