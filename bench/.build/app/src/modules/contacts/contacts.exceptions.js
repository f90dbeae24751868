"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ContactException = exports.ContactErrorCode = void 0;
const common_1 = require("@nestjs/common");
const app_exception_1 = require("../../common/exceptions/app.exception");
var ContactErrorCode;
(function (ContactErrorCode) {
    ContactErrorCode["NotFound"] = "CONTACT_NOT_FOUND";
    ContactErrorCode["PhoneTaken"] = "CONTACT_PHONE_TAKEN";
    ContactErrorCode["ImportTooLarge"] = "CONTACT_IMPORT_TOO_LARGE";
    ContactErrorCode["ImportInvalidCsv"] = "CONTACT_IMPORT_INVALID_CSV";
})(ContactErrorCode || (exports.ContactErrorCode = ContactErrorCode = {}));
const CONTACT_ERROR_STATUS = {
    [ContactErrorCode.NotFound]: common_1.HttpStatus.NOT_FOUND,
    [ContactErrorCode.PhoneTaken]: common_1.HttpStatus.CONFLICT,
    [ContactErrorCode.ImportTooLarge]: common_1.HttpStatus.PAYLOAD_TOO_LARGE,
    [ContactErrorCode.ImportInvalidCsv]: common_1.HttpStatus.BAD_REQUEST,
};
class ContactException extends app_exception_1.AppException {
    constructor(code, message, details) {
        super(code, CONTACT_ERROR_STATUS[code], message, details);
    }
}
exports.ContactException = ContactException;
//# sourceMappingURL=contacts.exceptions.js.map