"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AlertException = exports.AlertErrorCode = void 0;
const common_1 = require("@nestjs/common");
const app_exception_1 = require("../../common/exceptions/app.exception");
var AlertErrorCode;
(function (AlertErrorCode) {
    AlertErrorCode["NotFound"] = "ALERT_NOT_FOUND";
    AlertErrorCode["AlreadyResolved"] = "ALERT_ALREADY_RESOLVED";
})(AlertErrorCode || (exports.AlertErrorCode = AlertErrorCode = {}));
const ALERT_ERROR_STATUS = {
    [AlertErrorCode.NotFound]: common_1.HttpStatus.NOT_FOUND,
    [AlertErrorCode.AlreadyResolved]: common_1.HttpStatus.CONFLICT,
};
class AlertException extends app_exception_1.AppException {
    constructor(code, message, details) {
        super(code, ALERT_ERROR_STATUS[code], message, details);
    }
}
exports.AlertException = AlertException;
//# sourceMappingURL=alerts.exceptions.js.map