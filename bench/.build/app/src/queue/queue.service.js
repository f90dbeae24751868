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
exports.QueueService = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const bullmq_2 = require("bullmq");
const request_context_store_1 = require("../common/request-context/request-context.store");
const queue_constants_1 = require("./queue.constants");
let QueueService = class QueueService {
    queues;
    constructor(maintenance, wahaInbound, whatsappOutbound, media, wahaMaintenance, monitoring, messagingMaintenance) {
        this.queues = {
            [queue_constants_1.QueueName.Maintenance]: maintenance,
            [queue_constants_1.QueueName.WahaInbound]: wahaInbound,
            [queue_constants_1.QueueName.WhatsappOutbound]: whatsappOutbound,
            [queue_constants_1.QueueName.Media]: media,
            [queue_constants_1.QueueName.WahaMaintenance]: wahaMaintenance,
            [queue_constants_1.QueueName.Monitoring]: monitoring,
            [queue_constants_1.QueueName.MessagingMaintenance]: messagingMaintenance,
        };
    }
    async enqueue(name, payload, options = {}) {
        const requestId = request_context_store_1.RequestContextStore.current()?.requestId;
        await this.queues[queue_constants_1.QUEUE_OF[name]].add(name, { ...payload, requestId }, options);
    }
    async schedule(name, payload, everyMs) {
        await this.queues[queue_constants_1.QUEUE_OF[name]].upsertJobScheduler(name, { every: everyMs }, { name, data: payload });
    }
    async enqueueMany(name, jobs) {
        if (jobs.length === 0)
            return;
        const requestId = request_context_store_1.RequestContextStore.current()?.requestId;
        await this.queues[queue_constants_1.QUEUE_OF[name]].addBulk(jobs.map(({ payload, options }) => ({ name, data: { ...payload, requestId }, opts: options })));
    }
    isConnected() {
        const connection = this.queues[queue_constants_1.QueueName.WahaInbound].opts.connection;
        return connection?.status === 'ready';
    }
    async closeAll() {
        await Promise.all(Object.values(this.queues).map((queue) => queue.close()));
    }
    queue(name) {
        return this.queues[name];
    }
};
exports.QueueService = QueueService;
exports.QueueService = QueueService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, bullmq_1.InjectQueue)(queue_constants_1.QueueName.Maintenance)),
    __param(1, (0, bullmq_1.InjectQueue)(queue_constants_1.QueueName.WahaInbound)),
    __param(2, (0, bullmq_1.InjectQueue)(queue_constants_1.QueueName.WhatsappOutbound)),
    __param(3, (0, bullmq_1.InjectQueue)(queue_constants_1.QueueName.Media)),
    __param(4, (0, bullmq_1.InjectQueue)(queue_constants_1.QueueName.WahaMaintenance)),
    __param(5, (0, bullmq_1.InjectQueue)(queue_constants_1.QueueName.Monitoring)),
    __param(6, (0, bullmq_1.InjectQueue)(queue_constants_1.QueueName.MessagingMaintenance)),
    __metadata("design:paramtypes", [bullmq_2.Queue,
        bullmq_2.Queue,
        bullmq_2.Queue,
        bullmq_2.Queue,
        bullmq_2.Queue,
        bullmq_2.Queue,
        bullmq_2.Queue])
], QueueService);
//# sourceMappingURL=queue.service.js.map