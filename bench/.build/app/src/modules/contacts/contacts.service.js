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
exports.ContactsService = void 0;
exports.contactChanges = contactChanges;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const class_validator_1 = require("class-validator");
const typeorm_2 = require("typeorm");
const pagination_1 = require("../../common/pagination");
const visible_to_1 = require("../../common/tenancy/visible-to");
const escape_like_1 = require("../../database/escape-like");
const pg_errors_1 = require("../../database/pg-errors");
const audit_constants_1 = require("../audit/audit.constants");
const audit_service_1 = require("../audit/audit.service");
const diff_changes_1 = require("../audit/diff-changes");
const contact_entity_1 = require("./contact.entity");
const contacts_exceptions_1 = require("./contacts.exceptions");
const contact_response_dto_1 = require("./dto/contact-response.dto");
const phone_number_1 = require("./phone-number");
const SORT_COLUMNS = { created_at: 'contact.created_at', name: 'contact.name', updated_at: 'contact.updated_at' };
const PHONE_UNIQUE_INDEX = 'UQ_contacts_org_phone';
const PHONE_SEARCH_MIN_DIGITS = 4;
const OMITTED = '[omitted]';
const OMITTED_FIELDS = ['notes', 'custom_attributes'];
let ContactsService = class ContactsService {
    contacts;
    dataSource;
    audit;
    constructor(contacts, dataSource, audit) {
        this.contacts = contacts;
        this.dataSource = dataSource;
        this.audit = audit;
    }
    async findVisible(organizationId, id) {
        if (!(0, class_validator_1.isUUID)(id))
            return null;
        return this.contacts.findOneBy({ id, organizationId });
    }
    async findManyByIds(organizationId, ids) {
        const valid = [...new Set(ids)].filter((id) => (0, class_validator_1.isUUID)(id));
        if (valid.length === 0)
            return [];
        return this.contacts.findBy({ organizationId, id: (0, typeorm_2.In)(valid) });
    }
    async list(actor, query) {
        const qb = this.contacts.createQueryBuilder('contact').where('contact.organization_id = :org', { org: actor.organizationId });
        if (query.blocked !== undefined)
            qb.andWhere('contact.blocked = :blocked', { blocked: query.blocked });
        if (query.opted_out !== undefined)
            qb.andWhere('contact.opted_out = :optedOut', { optedOut: query.opted_out });
        if (query.search)
            qb.andWhere(searchCondition(query.search));
        const page = await (0, pagination_1.findPage)(qb, query, SORT_COLUMNS);
        return { ...page, items: page.items.map(contact_response_dto_1.ContactResponseDto.from) };
    }
    async findOne(actor, id) {
        return contact_response_dto_1.ContactResponseDto.from(await this.getVisible(this.contacts, actor, id));
    }
    async create(actor, dto) {
        const contact = await this.dataSource.transaction(async (manager) => {
            const repository = manager.getRepository(contact_entity_1.ContactEntity);
            const optedOut = dto.opted_out ?? false;
            const created = repository.create({
                organizationId: actor.organizationId,
                name: dto.name,
                phone: dto.phone,
                waChatId: null,
                lid: null,
                email: dto.email ?? null,
                birthDate: dto.birth_date ?? null,
                notes: dto.notes ?? null,
                customAttributes: dto.custom_attributes ?? {},
                blocked: dto.blocked ?? false,
                optedOut,
                optedOutAt: optedOut ? new Date() : null,
                optOutSource: optedOut ? contact_entity_1.OptOutSource.Staff : null,
                source: contact_entity_1.ContactSource.Manual,
            });
            await this.writeUnique(() => repository.insert(created));
            await this.record(manager, actor, audit_constants_1.AuditAction.ContactCreated, created.id, contactChanges(null, created));
            return created;
        });
        return contact_response_dto_1.ContactResponseDto.from(contact);
    }
    async update(actor, id, dto) {
        const contact = await this.dataSource.transaction(async (manager) => {
            const repository = manager.getRepository(contact_entity_1.ContactEntity);
            const current = await this.getVisible(repository, actor, id, manager);
            const before = { ...current };
            Object.assign(current, definedOnly({
                name: dto.name,
                phone: dto.phone,
                email: dto.email,
                birthDate: dto.birth_date,
                notes: dto.notes,
                customAttributes: dto.custom_attributes,
                blocked: dto.blocked,
            }));
            if (dto.opted_out !== undefined && dto.opted_out !== current.optedOut) {
                current.optedOut = dto.opted_out;
                current.optedOutAt = dto.opted_out ? new Date() : null;
                current.optOutSource = dto.opted_out ? contact_entity_1.OptOutSource.Staff : null;
            }
            const changes = contactChanges(before, current);
            if (Object.keys(changes).length === 0)
                return current;
            const saved = await this.writeUnique(() => repository.save(current));
            await this.record(manager, actor, audit_constants_1.AuditAction.ContactUpdated, id, changes);
            return saved;
        });
        return contact_response_dto_1.ContactResponseDto.from(contact);
    }
    async remove(actor, id) {
        await this.dataSource.transaction(async (manager) => {
            const repository = manager.getRepository(contact_entity_1.ContactEntity);
            const contact = await this.getVisible(repository, actor, id, manager);
            await repository.softDelete({ id: contact.id, organizationId: actor.organizationId });
            await this.record(manager, actor, audit_constants_1.AuditAction.ContactDeleted, id, null, { source: contact.source });
        });
    }
    async getVisible(repository, actor, id, lockIn) {
        const contact = await repository.findOne({
            where: (0, visible_to_1.inOrganization)(actor, { id }),
            ...(lockIn ? { lock: { mode: 'pessimistic_write' } } : {}),
        });
        if (!contact)
            throw new contacts_exceptions_1.ContactException(contacts_exceptions_1.ContactErrorCode.NotFound, 'Contact not found');
        return contact;
    }
    async writeUnique(write) {
        try {
            return await write();
        }
        catch (error) {
            if ((0, pg_errors_1.isUniqueViolation)(error, PHONE_UNIQUE_INDEX)) {
                throw new contacts_exceptions_1.ContactException(contacts_exceptions_1.ContactErrorCode.PhoneTaken, 'Another patient of this organization has this phone number');
            }
            throw error;
        }
    }
    record(manager, actor, action, entityId, changes, metadata) {
        return this.audit.record({ organizationId: actor.organizationId, actor, action, entityType: audit_constants_1.AuditEntityType.Contact, entityId, changes, metadata }, manager);
    }
};
exports.ContactsService = ContactsService;
exports.ContactsService = ContactsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(contact_entity_1.ContactEntity)),
    __param(1, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.DataSource,
        audit_service_1.AuditService])
], ContactsService);
function searchCondition(search) {
    const digits = search.replace(/\D/g, '');
    const exact = (0, phone_number_1.normalizePhone)(search);
    return new typeorm_2.Brackets((where) => {
        where.where('contact.name ILIKE :search', { search: `%${(0, escape_like_1.escapeLike)(search)}%` });
        where.orWhere('contact.phone ILIKE :search');
        if (digits.length >= PHONE_SEARCH_MIN_DIGITS)
            where.orWhere('contact.phone LIKE :digits', { digits: `%${digits}%` });
        if (exact)
            where.orWhere('contact.phone = :exact', { exact });
    });
}
function contactChanges(before, after) {
    const next = auditedFields(after);
    const changes = before
        ? (0, diff_changes_1.diffChanges)(auditedFields(before), next)
        : (0, diff_changes_1.diffChanges)({}, Object.fromEntries(Object.entries(next).filter(([, value]) => !isEmpty(value))));
    for (const field of OMITTED_FIELDS)
        if (changes[field])
            changes[field] = { old: OMITTED, new: OMITTED };
    return changes;
}
function auditedFields(contact) {
    return {
        name: contact.name,
        phone: contact.phone,
        email: contact.email,
        birth_date: contact.birthDate,
        blocked: contact.blocked,
        opted_out: contact.optedOut,
        notes: contact.notes,
        custom_attributes: contact.customAttributes,
    };
}
function isEmpty(value) {
    return value === null || (typeof value === 'object' && Object.keys(value).length === 0);
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
//# sourceMappingURL=contacts.service.js.map