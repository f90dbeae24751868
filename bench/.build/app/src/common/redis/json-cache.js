"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JsonCache = void 0;
class JsonCache {
    redis;
    keyOf;
    ttlSeconds;
    constructor(redis, keyOf, ttlSeconds) {
        this.redis = redis;
        this.keyOf = keyOf;
        this.ttlSeconds = ttlSeconds;
    }
    async resolve(id, raw, load) {
        return raw !== null ? JSON.parse(raw) : this.get(id, load);
    }
    async get(id, load) {
        const cached = await this.redis.get(this.keyOf(id));
        if (cached !== null)
            return JSON.parse(cached);
        const fresh = await load(id);
        if (fresh !== null)
            await this.redis.set(this.keyOf(id), JSON.stringify(fresh), 'EX', this.ttlSeconds, 'NX');
        return fresh;
    }
    async put(id, value) {
        await this.redis.set(this.keyOf(id), JSON.stringify(value), 'EX', this.ttlSeconds);
    }
}
exports.JsonCache = JsonCache;
//# sourceMappingURL=json-cache.js.map