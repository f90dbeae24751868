"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UuidPipe = void 0;
exports.validationFailed = validationFailed;
exports.createValidationPipe = createValidationPipe;
const common_1 = require("@nestjs/common");
const app_exception_1 = require("../exceptions/app.exception");
function flatten(errors, parent = '') {
    return errors.flatMap((error) => {
        const field = parent ? `${parent}.${error.property}` : error.property;
        const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
        return [...own, ...flatten(error.children ?? [], field)];
    });
}
function validationFailed(details) {
    return new app_exception_1.AppException(app_exception_1.CommonErrorCode.ValidationFailed, common_1.HttpStatus.BAD_REQUEST, 'Request validation failed', details);
}
function createValidationPipe() {
    return new common_1.ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        validationError: { target: false, value: false },
        exceptionFactory: (errors) => validationFailed(flatten(errors)),
    });
}
exports.UuidPipe = new common_1.ParseUUIDPipe({
    exceptionFactory: () => validationFailed([{ field: 'id', errors: ['id must be a UUID'] }]),
});
//# sourceMappingURL=validation.js.map