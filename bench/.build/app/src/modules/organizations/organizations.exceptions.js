"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrganizationException = exports.OrganizationErrorCode = void 0;
const common_1 = require("@nestjs/common");
const app_exception_1 = require("../../common/exceptions/app.exception");
var OrganizationErrorCode;
(function (OrganizationErrorCode) {
    OrganizationErrorCode["NotFound"] = "ORGANIZATION_NOT_FOUND";
    OrganizationErrorCode["Suspended"] = "ORGANIZATION_SUSPENDED";
    OrganizationErrorCode["AlreadySuspended"] = "ORGANIZATION_ALREADY_SUSPENDED";
    OrganizationErrorCode["NotSuspended"] = "ORGANIZATION_NOT_SUSPENDED";
    OrganizationErrorCode["PlanLimitReached"] = "PLAN_LIMIT_REACHED";
    OrganizationErrorCode["PlanNotFound"] = "PLAN_NOT_FOUND";
})(OrganizationErrorCode || (exports.OrganizationErrorCode = OrganizationErrorCode = {}));
const ORGANIZATION_ERROR_STATUS = {
    [OrganizationErrorCode.NotFound]: common_1.HttpStatus.NOT_FOUND,
    [OrganizationErrorCode.Suspended]: common_1.HttpStatus.FORBIDDEN,
    [OrganizationErrorCode.AlreadySuspended]: common_1.HttpStatus.CONFLICT,
    [OrganizationErrorCode.NotSuspended]: common_1.HttpStatus.CONFLICT,
    [OrganizationErrorCode.PlanLimitReached]: common_1.HttpStatus.FORBIDDEN,
    [OrganizationErrorCode.PlanNotFound]: common_1.HttpStatus.BAD_REQUEST,
};
class OrganizationException extends app_exception_1.AppException {
    constructor(code, message, details) {
        super(code, ORGANIZATION_ERROR_STATUS[code], message, details);
    }
}
exports.OrganizationException = OrganizationException;
//# sourceMappingURL=organizations.exceptions.js.map