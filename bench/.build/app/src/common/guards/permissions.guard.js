"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PermissionsGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const auth_decorators_1 = require("../auth/auth.decorators");
const permissions_1 = require("../auth/permissions");
const app_exception_1 = require("../exceptions/app.exception");
const common_2 = require("@nestjs/common");
let PermissionsGuard = class PermissionsGuard {
    reflector;
    constructor(reflector) {
        this.reflector = reflector;
    }
    canActivate(context) {
        const targets = [context.getHandler(), context.getClass()];
        if (this.reflector.getAllAndOverride(auth_decorators_1.IS_PUBLIC_KEY, targets))
            return true;
        const required = this.reflector.getAllAndOverride(auth_decorators_1.REQUIRED_PERMISSIONS_KEY, targets);
        const user = context.switchToHttp().getRequest().user;
        if (!required || required.length === 0 || !user)
            throw forbidden();
        if (!required.every((permission) => (0, permissions_1.hasPermission)(user.role, permission)))
            throw forbidden();
        return true;
    }
};
exports.PermissionsGuard = PermissionsGuard;
exports.PermissionsGuard = PermissionsGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.Reflector])
], PermissionsGuard);
function forbidden() {
    return new app_exception_1.AppException(app_exception_1.CommonErrorCode.Forbidden, common_2.HttpStatus.FORBIDDEN, 'You do not have permission to perform this action');
}
//# sourceMappingURL=permissions.guard.js.map