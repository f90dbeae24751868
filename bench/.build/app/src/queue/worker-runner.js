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
var WorkerRunner_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerRunner = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const app_config_1 = require("../config/app.config");
const queue_service_1 = require("./queue.service");
let WorkerRunner = WorkerRunner_1 = class WorkerRunner {
    registrar;
    discovery;
    queues;
    app;
    logger = new common_1.Logger(WorkerRunner_1.name);
    constructor(registrar, discovery, queues, app) {
        this.registrar = registrar;
        this.discovery = discovery;
        this.queues = queues;
        this.app = app;
    }
    get consumesQueues() {
        return this.app.role === 'all' || this.app.role === 'worker';
    }
    onApplicationBootstrap() {
        if (!this.consumesQueues) {
            this.logger.log({ role: this.app.role }, 'queue workers disabled for this role');
            return;
        }
        this.registrar.register();
        this.logger.log({ role: this.app.role }, 'queue workers started');
    }
    async stop() {
        const workers = this.discovery
            .getProviders()
            .map((wrapper) => wrapper.instance)
            .filter((instance) => instance instanceof bullmq_1.WorkerHost)
            .flatMap((host) => {
            try {
                return [host.worker];
            }
            catch {
                return [];
            }
        });
        await Promise.all(workers.map((worker) => worker.close()));
        await this.queues.closeAll();
    }
};
exports.WorkerRunner = WorkerRunner;
exports.WorkerRunner = WorkerRunner = WorkerRunner_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, common_1.Inject)(app_config_1.appConfig.KEY)),
    __metadata("design:paramtypes", [bullmq_1.BullRegistrar,
        core_1.DiscoveryService,
        queue_service_1.QueueService, void 0])
], WorkerRunner);
//# sourceMappingURL=worker-runner.js.map