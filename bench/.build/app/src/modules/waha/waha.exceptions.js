"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WahaException = exports.WahaErrorCode = void 0;
exports.sessionNotFound = sessionNotFound;
exports.fromWahaError = fromWahaError;
exports.isWahaNotFound = isWahaNotFound;
exports.isWahaUnavailable = isWahaUnavailable;
const common_1 = require("@nestjs/common");
const app_exception_1 = require("../../common/exceptions/app.exception");
const waha_errors_1 = require("./client/waha.errors");
var WahaErrorCode;
(function (WahaErrorCode) {
    WahaErrorCode["SessionNotFound"] = "WHATSAPP_SESSION_NOT_FOUND";
    WahaErrorCode["SessionExists"] = "WHATSAPP_SESSION_EXISTS";
    WahaErrorCode["SessionAlreadyConnected"] = "WHATSAPP_SESSION_ALREADY_CONNECTED";
    WahaErrorCode["SessionNotPairing"] = "WHATSAPP_SESSION_NOT_PAIRING";
    WahaErrorCode["Unavailable"] = "WAHA_UNAVAILABLE";
    WahaErrorCode["Rejected"] = "WAHA_REJECTED";
})(WahaErrorCode || (exports.WahaErrorCode = WahaErrorCode = {}));
const WAHA_ERROR_STATUS = {
    [WahaErrorCode.SessionNotFound]: common_1.HttpStatus.NOT_FOUND,
    [WahaErrorCode.SessionExists]: common_1.HttpStatus.CONFLICT,
    [WahaErrorCode.SessionAlreadyConnected]: common_1.HttpStatus.CONFLICT,
    [WahaErrorCode.SessionNotPairing]: common_1.HttpStatus.CONFLICT,
    [WahaErrorCode.Unavailable]: common_1.HttpStatus.BAD_GATEWAY,
    [WahaErrorCode.Rejected]: common_1.HttpStatus.BAD_GATEWAY,
};
class WahaException extends app_exception_1.AppException {
    constructor(code, message, details) {
        super(code, WAHA_ERROR_STATUS[code], message, details);
    }
}
exports.WahaException = WahaException;
function sessionNotFound() {
    return new WahaException(WahaErrorCode.SessionNotFound, 'WhatsApp session not found');
}
function fromWahaError(error) {
    if (!(0, waha_errors_1.isWahaError)(error))
        return error;
    if (error instanceof waha_errors_1.WahaClientError && !isAuthFailure(error)) {
        return new WahaException(WahaErrorCode.Rejected, `WAHA refused the request: ${error.wahaMessage ?? `status ${error.status}`}`, {
            status: error.status,
            waha_message: error.wahaMessage ?? null,
        });
    }
    return new WahaException(WahaErrorCode.Unavailable, 'The WhatsApp gateway (WAHA) is unavailable; try again shortly', { reason: error.kind });
}
function isWahaNotFound(error) {
    return error instanceof waha_errors_1.WahaClientError && error.status === common_1.HttpStatus.NOT_FOUND;
}
function isWahaUnavailable(error) {
    return (0, waha_errors_1.isWahaError)(error) && (!(error instanceof waha_errors_1.WahaClientError) || isAuthFailure(error));
}
function isAuthFailure(error) {
    return error.status === common_1.HttpStatus.UNAUTHORIZED || error.status === common_1.HttpStatus.FORBIDDEN;
}
//# sourceMappingURL=waha.exceptions.js.map