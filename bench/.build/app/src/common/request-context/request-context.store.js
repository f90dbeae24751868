"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RequestContextStore = void 0;
const node_async_hooks_1 = require("node:async_hooks");
const storage = new node_async_hooks_1.AsyncLocalStorage();
exports.RequestContextStore = {
    run(context, work) {
        return storage.run(context, work);
    },
    current() {
        return storage.getStore();
    },
};
//# sourceMappingURL=request-context.store.js.map