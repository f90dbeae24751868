"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_JOB_OPTIONS = exports.MEDIA_WORKER_CONCURRENCY = exports.OUTBOUND_WORKER_CONCURRENCY = exports.INBOUND_WORKER_CONCURRENCY = exports.MAINTENANCE_WORKER_CONCURRENCY = exports.QUEUE_OF = exports.JobName = exports.QueueName = void 0;
var QueueName;
(function (QueueName) {
    QueueName["Maintenance"] = "maintenance";
    QueueName["WahaInbound"] = "waha-inbound";
    QueueName["WhatsappOutbound"] = "whatsapp-outbound";
    QueueName["Media"] = "media";
    QueueName["WahaMaintenance"] = "waha-maintenance";
    QueueName["Monitoring"] = "monitoring";
    QueueName["MessagingMaintenance"] = "messaging-maintenance";
})(QueueName || (exports.QueueName = QueueName = {}));
var JobName;
(function (JobName) {
    JobName["PurgeExpiredSessions"] = "purge-expired-sessions";
    JobName["ProcessInboxEvents"] = "process-inbox-events";
    JobName["SweepInbox"] = "sweep-inbox";
    JobName["SendWhatsappMessage"] = "send-whatsapp-message";
    JobName["DownloadMessageMedia"] = "download-message-media";
    JobName["CheckWhatsappSessions"] = "check-whatsapp-sessions";
    JobName["MonitorQueues"] = "monitor-queues";
    JobName["SweepMessages"] = "sweep-messages";
})(JobName || (exports.JobName = JobName = {}));
exports.QUEUE_OF = {
    [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
    [JobName.ProcessInboxEvents]: QueueName.WahaInbound,
    [JobName.SweepInbox]: QueueName.WahaMaintenance,
    [JobName.SendWhatsappMessage]: QueueName.WhatsappOutbound,
    [JobName.DownloadMessageMedia]: QueueName.Media,
    [JobName.CheckWhatsappSessions]: QueueName.WahaMaintenance,
    [JobName.MonitorQueues]: QueueName.Monitoring,
    [JobName.SweepMessages]: QueueName.MessagingMaintenance,
};
exports.MAINTENANCE_WORKER_CONCURRENCY = 1;
exports.INBOUND_WORKER_CONCURRENCY = 8;
exports.OUTBOUND_WORKER_CONCURRENCY = 10;
exports.MEDIA_WORKER_CONCURRENCY = 4;
exports.DEFAULT_JOB_OPTIONS = {
    attempts: 3,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 3600, count: 1_000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
};
//# sourceMappingURL=queue.constants.js.map