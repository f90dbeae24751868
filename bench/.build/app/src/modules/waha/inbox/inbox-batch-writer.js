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
var InboxBatchWriter_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.InboxBatchWriter = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const MAX_CONCURRENT_INSERTS = 4;
const MAX_BATCH = 500;
const INSERT_SQL = `
  INSERT INTO waha_inbox_events (organization_id, session_id, event_id, event, payload, status, outcome, processed_at)
  SELECT o, s, e, ev, p::jsonb, st, oc, CASE WHEN st = 'pending' THEN NULL ELSE now() END
  FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::text[], $6::varchar[], $7::varchar[]) AS t(o, s, e, ev, p, st, oc)
  ON CONFLICT (session_id, event_id) DO NOTHING
  RETURNING id, session_id, event_id`;
let InboxBatchWriter = InboxBatchWriter_1 = class InboxBatchWriter {
    dataSource;
    logger = new common_1.Logger(InboxBatchWriter_1.name);
    queue = [];
    inFlight = 0;
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    write(row) {
        return new Promise((resolve, reject) => {
            this.queue.push({ row, resolve, reject });
            this.pump();
        });
    }
    pump() {
        while (this.inFlight < MAX_CONCURRENT_INSERTS && this.queue.length > 0) {
            const batch = this.queue.splice(0, MAX_BATCH);
            this.inFlight += 1;
            void this.insert(batch).finally(() => {
                this.inFlight -= 1;
                this.pump();
            });
        }
    }
    async insert(batch) {
        try {
            const rows = batch.map((waiting) => waiting.row);
            const inserted = await this.dataSource.query(INSERT_SQL, [
                rows.map((row) => row.organizationId),
                rows.map((row) => row.sessionId),
                rows.map((row) => row.eventId),
                rows.map((row) => row.event),
                rows.map((row) => row.payload),
                rows.map((row) => row.status),
                rows.map((row) => row.outcome),
            ]);
            const ids = new Map(inserted.map((row) => [`${row.session_id} ${row.event_id}`, row.id]));
            for (const waiting of batch) {
                const key = `${waiting.row.sessionId} ${waiting.row.eventId}`;
                const id = ids.get(key) ?? null;
                ids.delete(key);
                waiting.resolve({ id });
            }
        }
        catch (error) {
            if (batch.length > 1) {
                for (const waiting of batch)
                    await this.insert([waiting]);
                return;
            }
            this.logger.error({ err: error }, 'inbox insert failed');
            batch[0].reject(error);
        }
    }
};
exports.InboxBatchWriter = InboxBatchWriter;
exports.InboxBatchWriter = InboxBatchWriter = InboxBatchWriter_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], InboxBatchWriter);
//# sourceMappingURL=inbox-batch-writer.js.map