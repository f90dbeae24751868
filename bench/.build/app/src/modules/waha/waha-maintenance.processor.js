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
Object.defineProperty(exports, "__esModule", { value: true });
exports.WahaMaintenanceProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const queue_constants_1 = require("../../queue/queue.constants");
const inbox_sweeper_1 = require("./inbox/inbox-sweeper");
const whatsapp_session_monitor_service_1 = require("./sessions/whatsapp-session-monitor.service");
let WahaMaintenanceProcessor = class WahaMaintenanceProcessor extends bullmq_1.WorkerHost {
    sweeper;
    monitor;
    constructor(sweeper, monitor) {
        super();
        this.sweeper = sweeper;
        this.monitor = monitor;
    }
    async process(job) {
        switch (job.name) {
            case queue_constants_1.JobName.SweepInbox:
                return this.sweeper.sweep();
            case queue_constants_1.JobName.CheckWhatsappSessions:
                return this.monitor.check(job.data);
            default:
                throw new Error(`waha-maintenance cannot run job "${job.name}"`);
        }
    }
};
exports.WahaMaintenanceProcessor = WahaMaintenanceProcessor;
exports.WahaMaintenanceProcessor = WahaMaintenanceProcessor = __decorate([
    (0, bullmq_1.Processor)(queue_constants_1.QueueName.WahaMaintenance, { concurrency: queue_constants_1.MAINTENANCE_WORKER_CONCURRENCY }),
    __metadata("design:paramtypes", [inbox_sweeper_1.InboxSweeper,
        whatsapp_session_monitor_service_1.WhatsappSessionMonitorService])
], WahaMaintenanceProcessor);
//# sourceMappingURL=waha-maintenance.processor.js.map