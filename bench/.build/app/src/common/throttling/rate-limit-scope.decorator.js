"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RateLimited = exports.RateLimitScope = void 0;
exports.rateLimitScopeOf = rateLimitScopeOf;
const common_1 = require("@nestjs/common");
var RateLimitScope;
(function (RateLimitScope) {
    RateLimitScope["Login"] = "login";
    RateLimitScope["Register"] = "register";
})(RateLimitScope || (exports.RateLimitScope = RateLimitScope = {}));
const RATE_LIMIT_SCOPE_KEY = 'robbot:rate-limit-scope';
const RateLimited = (scope) => (0, common_1.SetMetadata)(RATE_LIMIT_SCOPE_KEY, scope);
exports.RateLimited = RateLimited;
function rateLimitScopeOf(context) {
    return Reflect.getMetadata(RATE_LIMIT_SCOPE_KEY, context.getHandler());
}
//# sourceMappingURL=rate-limit-scope.decorator.js.map