"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WhatsappContactsService = void 0;
const common_1 = require("@nestjs/common");
const phone_number_1 = require("./phone-number");
let WhatsappContactsService = class WhatsappContactsService {
    async resolve(manager, organizationId, chatId, pushName) {
        const identity = identityOf(chatId);
        if (!identity)
            return null;
        for (let attempt = 0; attempt < 2; attempt += 1) {
            const existing = await this.find(manager, organizationId, identity);
            if (existing) {
                await this.refresh(manager, existing.id, identity, pushName, existing);
                return { id: existing.id, blocked: existing.blocked, optedOut: existing.opted_out };
            }
            const created = await manager.query(`INSERT INTO contacts (organization_id, ${identity.column}, wa_chat_id, name, source)
         VALUES ($1, $2, $3, $4, 'whatsapp')
         ON CONFLICT (organization_id, ${identity.column}) WHERE deleted_at IS NULL AND ${identity.column} IS NOT NULL DO NOTHING
         RETURNING id`, [organizationId, identity.value, identity.column === 'phone' ? identity.chatId : null, pushName]);
            if (created.length > 0)
                return { id: created[0].id, blocked: false, optedOut: false };
        }
        throw new Error('contact could not be resolved');
    }
    async link(manager, organizationId, contactId, chatId) {
        const identity = identityOf(chatId);
        if (!identity)
            return;
        await manager.query(`UPDATE contacts SET ${identity.column} = $3, wa_chat_id = COALESCE($4, wa_chat_id), updated_at = now()
       WHERE id = $2 AND organization_id = $1 AND ${identity.column} IS NULL AND deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM contacts WHERE organization_id = $1 AND ${identity.column} = $3 AND deleted_at IS NULL)`, [organizationId, contactId, identity.value, identity.column === 'phone' ? identity.chatId : null]);
    }
    async find(manager, organizationId, identity) {
        const rows = await manager.query(`SELECT id, blocked, opted_out, name, wa_chat_id FROM contacts
       WHERE organization_id = $1 AND ${identity.column} = $2 AND deleted_at IS NULL`, [organizationId, identity.value]);
        return rows[0];
    }
    async refresh(manager, id, identity, pushName, current) {
        const nameMissing = current.name === null && pushName !== null;
        const chatIdChanged = identity.column === 'phone' && current.wa_chat_id !== identity.chatId;
        if (!nameMissing && !chatIdChanged)
            return;
        await manager.query(`UPDATE contacts SET name = COALESCE(name, $2), wa_chat_id = CASE WHEN $3::boolean THEN $4 ELSE wa_chat_id END, updated_at = now() WHERE id = $1`, [id, pushName, chatIdChanged, identity.chatId]);
    }
};
exports.WhatsappContactsService = WhatsappContactsService;
exports.WhatsappContactsService = WhatsappContactsService = __decorate([
    (0, common_1.Injectable)()
], WhatsappContactsService);
function identityOf(chatId) {
    if ((0, phone_number_1.isLidChatId)(chatId))
        return { column: 'lid', value: chatId, chatId };
    const phone = (0, phone_number_1.phoneFromChatId)(chatId);
    return phone ? { column: 'phone', value: phone, chatId } : null;
}
//# sourceMappingURL=whatsapp-contacts.service.js.map