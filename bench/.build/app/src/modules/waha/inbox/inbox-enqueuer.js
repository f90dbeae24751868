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
var InboxEnqueuer_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.InboxEnqueuer = exports.INBOX_JOB_OPTIONS = exports.INBOX_JOB_BATCH = void 0;
exports.inboxJobId = inboxJobId;
const common_1 = require("@nestjs/common");
const queue_constants_1 = require("../../../queue/queue.constants");
const queue_service_1 = require("../../../queue/queue.service");
exports.INBOX_JOB_BATCH = 50;
exports.INBOX_JOB_OPTIONS = {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
};
function inboxJobId(inboxEventIds, attempt) {
    return ['inbox', inboxEventIds[0], inboxEventIds.length, attempt].filter((part) => part !== undefined).join('-');
}
let InboxEnqueuer = InboxEnqueuer_1 = class InboxEnqueuer {
    queues;
    logger = new common_1.Logger(InboxEnqueuer_1.name);
    pending = [];
    scheduled = false;
    constructor(queues) {
        this.queues = queues;
    }
    add(inboxEventId) {
        this.pending.push(inboxEventId);
        if (this.scheduled)
            return;
        this.scheduled = true;
        setImmediate(() => void this.flush());
    }
    async enqueueNow(inboxEventIds, attempt) {
        const jobs = [];
        for (let start = 0; start < inboxEventIds.length; start += exports.INBOX_JOB_BATCH) {
            const group = inboxEventIds.slice(start, start + exports.INBOX_JOB_BATCH);
            jobs.push({ payload: { inboxEventIds: group }, options: { ...exports.INBOX_JOB_OPTIONS, jobId: inboxJobId(group, attempt) } });
        }
        await this.queues.enqueueMany(queue_constants_1.JobName.ProcessInboxEvents, jobs);
    }
    async onModuleDestroy() {
        await this.flush();
    }
    async flush() {
        this.scheduled = false;
        const ids = this.pending;
        this.pending = [];
        if (ids.length === 0)
            return;
        if (!this.queues.isConnected()) {
            this.logger.warn({ events: ids.length }, 'Redis unavailable; inbox events left for the sweeper');
            return;
        }
        try {
            await this.enqueueNow(ids);
        }
        catch (error) {
            this.logger.warn({ err: error, events: ids.length }, 'enqueueing inbox events failed; the sweeper will retry');
        }
    }
};
exports.InboxEnqueuer = InboxEnqueuer;
exports.InboxEnqueuer = InboxEnqueuer = InboxEnqueuer_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [queue_service_1.QueueService])
], InboxEnqueuer);
//# sourceMappingURL=inbox-enqueuer.js.map