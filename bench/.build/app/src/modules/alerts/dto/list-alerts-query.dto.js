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
exports.ListAlertsQueryDto = exports.ALERT_SORT_FIELDS = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const pagination_1 = require("../../../common/pagination");
const alert_entity_1 = require("../alert.entity");
exports.ALERT_SORT_FIELDS = ['created_at', 'last_seen_at'];
class ListAlertsQueryDto extends (0, pagination_1.SortablePageQueryDto)(exports.ALERT_SORT_FIELDS, 'created_at') {
    status;
    type;
    severity;
    organization_id;
}
exports.ListAlertsQueryDto = ListAlertsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: alert_entity_1.AlertStatus, example: alert_entity_1.AlertStatus.Open }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(alert_entity_1.AlertStatus),
    __metadata("design:type", String)
], ListAlertsQueryDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: alert_entity_1.AlertType, example: alert_entity_1.AlertType.WhatsappSessionDown }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(alert_entity_1.AlertType),
    __metadata("design:type", String)
], ListAlertsQueryDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: alert_entity_1.AlertSeverity, example: alert_entity_1.AlertSeverity.Critical }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(alert_entity_1.AlertSeverity),
    __metadata("design:type", String)
], ListAlertsQueryDto.prototype, "severity", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60',
        description: 'Super admins only: narrow to one organization (ignored for clinic admins, who always see their own)',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], ListAlertsQueryDto.prototype, "organization_id", void 0);
//# sourceMappingURL=list-alerts-query.dto.js.map