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
exports.WahaInboxService = exports.MAX_INBOX_ATTEMPTS = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const queue_config_1 = require("../../../config/queue.config");
const waha_inbox_event_entity_1 = require("./waha-inbox-event.entity");
exports.MAX_INBOX_ATTEMPTS = 5;
const SWEEP_BATCH = 500;
let WahaInboxService = class WahaInboxService {
    events;
    config;
    constructor(events, config) {
        this.events = events;
        this.config = config;
    }
    async lockPending(manager, ids) {
        const rows = await manager.query(`SELECT id, organization_id, session_id, event, payload, created_at FROM waha_inbox_events
         WHERE id = ANY($1::uuid[]) AND status = 'pending' ORDER BY created_at, id FOR UPDATE SKIP LOCKED`, [ids]);
        return rows.map((row) => ({
            id: row.id,
            organizationId: row.organization_id,
            sessionId: row.session_id,
            event: row.event,
            payload: row.payload,
            createdAt: row.created_at,
        }));
    }
    async settle(manager, settled) {
        if (settled.length === 0)
            return;
        await manager.query(`UPDATE waha_inbox_events AS e SET status = s.status, outcome = s.outcome, processed_at = now(), updated_at = now(), attempts = e.attempts + 1
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[]) AS s(id, status, outcome) WHERE e.id = s.id`, [settled.map((row) => row.id), settled.map((row) => row.status), settled.map((row) => row.outcome?.slice(0, 300) ?? null)]);
    }
    async recordFailure(id, error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 300);
        const rows = await this.events.query(`UPDATE waha_inbox_events SET attempts = attempts + 1, outcome = $2, updated_at = now(),
              status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE status END
       WHERE id = $1 AND status = 'pending' RETURNING status`, [id, message, exports.MAX_INBOX_ATTEMPTS]);
        return rows[0]?.status ?? waha_inbox_event_entity_1.InboxEventStatus.Processed;
    }
    async findStalePending() {
        const rows = await this.events.query(`SELECT id FROM waha_inbox_events WHERE status = 'pending' AND created_at < now() - ($1 || ' milliseconds')::interval
       ORDER BY created_at LIMIT $2`, [String(this.config.inboxSweepAfterMs), SWEEP_BATCH]);
        return rows.map((row) => row.id);
    }
};
exports.WahaInboxService = WahaInboxService;
exports.WahaInboxService = WahaInboxService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(waha_inbox_event_entity_1.WahaInboxEventEntity)),
    __param(1, (0, common_1.Inject)(queue_config_1.queueConfig.KEY)),
    __metadata("design:paramtypes", [typeorm_2.Repository, void 0])
], WahaInboxService);
//# sourceMappingURL=waha-inbox.service.js.map