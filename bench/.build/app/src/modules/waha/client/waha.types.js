"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=waha.types.js.map