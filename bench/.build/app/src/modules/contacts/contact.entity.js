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
exports.ContactEntity = exports.OptOutSource = exports.ContactSource = void 0;
const typeorm_1 = require("typeorm");
const tenant_owned_entity_1 = require("../organizations/tenant-owned.entity");
var ContactSource;
(function (ContactSource) {
    ContactSource["Whatsapp"] = "whatsapp";
    ContactSource["Manual"] = "manual";
    ContactSource["Import"] = "import";
})(ContactSource || (exports.ContactSource = ContactSource = {}));
var OptOutSource;
(function (OptOutSource) {
    OptOutSource["Patient"] = "patient";
    OptOutSource["Staff"] = "staff";
    OptOutSource["Import"] = "import";
})(OptOutSource || (exports.OptOutSource = OptOutSource = {}));
let ContactEntity = class ContactEntity extends tenant_owned_entity_1.TenantOwnedEntity {
    name;
    phone;
    waChatId;
    lid;
    email;
    birthDate;
    notes;
    customAttributes;
    blocked;
    optedOut;
    optedOutAt;
    optOutSource;
    source;
    deletedAt;
};
exports.ContactEntity = ContactEntity;
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120, nullable: true }),
    __metadata("design:type", Object)
], ContactEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20, nullable: true }),
    __metadata("design:type", Object)
], ContactEntity.prototype, "phone", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", Object)
], ContactEntity.prototype, "waChatId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", Object)
], ContactEntity.prototype, "lid", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 254, nullable: true }),
    __metadata("design:type", Object)
], ContactEntity.prototype, "email", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date', nullable: true }),
    __metadata("design:type", Object)
], ContactEntity.prototype, "birthDate", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ContactEntity.prototype, "notes", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', default: () => `'{}'` }),
    __metadata("design:type", Object)
], ContactEntity.prototype, "customAttributes", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], ContactEntity.prototype, "blocked", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], ContactEntity.prototype, "optedOut", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ContactEntity.prototype, "optedOutAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, nullable: true }),
    __metadata("design:type", Object)
], ContactEntity.prototype, "optOutSource", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, default: ContactSource.Manual }),
    __metadata("design:type", String)
], ContactEntity.prototype, "source", void 0);
__decorate([
    (0, typeorm_1.DeleteDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Object)
], ContactEntity.prototype, "deletedAt", void 0);
exports.ContactEntity = ContactEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'contacts' }),
    (0, typeorm_1.Check)('CHK_contacts_source', `"source" IN ('whatsapp', 'manual', 'import')`),
    (0, typeorm_1.Index)('UQ_contacts_org_phone', ['organizationId', 'phone'], { unique: true, where: '"deleted_at" IS NULL AND "phone" IS NOT NULL' }),
    (0, typeorm_1.Index)('UQ_contacts_org_lid', ['organizationId', 'lid'], { unique: true, where: '"deleted_at" IS NULL AND "lid" IS NOT NULL' }),
    (0, typeorm_1.Index)('IDX_contacts_org_created', ['organizationId', 'createdAt']),
    (0, typeorm_1.Index)('IDX_contacts_org_name', ['organizationId', 'name']),
    (0, typeorm_1.Index)('IDX_contacts_search_trgm', { synchronize: false })
], ContactEntity);
//# sourceMappingURL=contact.entity.js.map