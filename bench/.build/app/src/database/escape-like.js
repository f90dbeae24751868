"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.escapeLike = escapeLike;
function escapeLike(value) {
    return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
//# sourceMappingURL=escape-like.js.map