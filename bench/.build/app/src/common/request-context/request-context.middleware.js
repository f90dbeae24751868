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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RequestContextMiddleware = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../config/app.config");
const request_context_1 = require("./request-context");
const request_context_store_1 = require("./request-context.store");
let RequestContextMiddleware = class RequestContextMiddleware {
    app;
    constructor(app) {
        this.app = app;
    }
    use(req, _res, next) {
        const userAgent = req.headers['user-agent'];
        request_context_store_1.RequestContextStore.run({ requestId: String(req.id), ip: (0, request_context_1.clientIpOf)(req, this.app.trustProxy), userAgent }, next);
    }
};
exports.RequestContextMiddleware = RequestContextMiddleware;
exports.RequestContextMiddleware = RequestContextMiddleware = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(app_config_1.appConfig.KEY)),
    __metadata("design:paramtypes", [void 0])
], RequestContextMiddleware);
//# sourceMappingURL=request-context.middleware.js.map