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
var InboxSweeper_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.InboxSweeper = void 0;
const common_1 = require("@nestjs/common");
const queue_config_1 = require("../../../config/queue.config");
const queue_constants_1 = require("../../../queue/queue.constants");
const queue_service_1 = require("../../../queue/queue.service");
const inbox_enqueuer_1 = require("./inbox-enqueuer");
const waha_inbox_service_1 = require("./waha-inbox.service");
let InboxSweeper = InboxSweeper_1 = class InboxSweeper {
    inbox;
    enqueuer;
    queues;
    config;
    logger = new common_1.Logger(InboxSweeper_1.name);
    constructor(inbox, enqueuer, queues, config) {
        this.inbox = inbox;
        this.enqueuer = enqueuer;
        this.queues = queues;
        this.config = config;
    }
    async onApplicationBootstrap() {
        try {
            await this.queues.schedule(queue_constants_1.JobName.SweepInbox, {}, Math.max(1_000, Math.floor(this.config.inboxSweepAfterMs / 2)));
        }
        catch (error) {
            this.logger.warn({ err: error }, 'could not schedule the inbox sweep (Redis down?); the next process start retries');
        }
    }
    async sweep() {
        const ids = await this.inbox.findStalePending();
        if (ids.length === 0)
            return 0;
        await this.enqueuer.enqueueNow(ids, `sweep${Date.now()}`);
        this.logger.log({ events: ids.length }, 'stale inbox events re-enqueued');
        return ids.length;
    }
};
exports.InboxSweeper = InboxSweeper;
exports.InboxSweeper = InboxSweeper = InboxSweeper_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, common_1.Inject)(queue_config_1.queueConfig.KEY)),
    __metadata("design:paramtypes", [waha_inbox_service_1.WahaInboxService,
        inbox_enqueuer_1.InboxEnqueuer,
        queue_service_1.QueueService, void 0])
], InboxSweeper);
//# sourceMappingURL=inbox-sweeper.js.map