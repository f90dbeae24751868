import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isLidChatId, phoneFromChatId } from './phone-number';

export interface WhatsappContact {
  id: string;
  blocked: boolean;
  optedOut: boolean;
}

type Identity = { column: 'phone'; value: string; chatId: string } | { column: 'lid'; value: string; chatId: string };

/**
 * Finds or creates the patient behind a WhatsApp chat id, inside the caller's transaction. A phone chat id
 * (`…@c.us`) is keyed by its E.164 phone, a linked id (`…@lid`) by the lid; `link` joins both on one row
 * when WhatsApp reveals they are the same person.
 */
@Injectable()
export class WhatsappContactsService {
  async resolve(manager: EntityManager, organizationId: string, chatId: string, pushName: string | null): Promise<WhatsappContact | null> {
    const identity = identityOf(chatId);
    if (!identity) return null;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const existing = await this.find(manager, organizationId, identity);
      if (existing) {
        await this.refresh(manager, existing.id, identity, pushName, existing);
        return { id: existing.id, blocked: existing.blocked, optedOut: existing.opted_out };
      }
      const created: { id: string }[] = await manager.query(
        `INSERT INTO contacts (organization_id, ${identity.column}, wa_chat_id, name, source)
         VALUES ($1, $2, $3, $4, 'whatsapp')
         ON CONFLICT (organization_id, ${identity.column}) WHERE deleted_at IS NULL AND ${identity.column} IS NOT NULL DO NOTHING
         RETURNING id`,
        [organizationId, identity.value, identity.column === 'phone' ? identity.chatId : null, pushName],
      );
      if (created.length > 0) return { id: created[0].id, blocked: false, optedOut: false };
      // Another worker created it between our read and insert: read it again.
    }
    throw new Error('contact could not be resolved');
  }

  /**
   * Records that `chatId` also belongs to `contactId` (the same message arrived under `@c.us` and `@lid`).
   * Never steals an identity another live contact already holds.
   */
  async link(manager: EntityManager, organizationId: string, contactId: string, chatId: string): Promise<void> {
    const identity = identityOf(chatId);
    if (!identity) return;
    await manager.query(
      `UPDATE contacts SET ${identity.column} = $3, wa_chat_id = COALESCE($4, wa_chat_id), updated_at = now()
       WHERE id = $2 AND organization_id = $1 AND ${identity.column} IS NULL AND deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM contacts WHERE organization_id = $1 AND ${identity.column} = $3 AND deleted_at IS NULL)`,
      [organizationId, contactId, identity.value, identity.column === 'phone' ? identity.chatId : null],
    );
  }

  private async find(manager: EntityManager, organizationId: string, identity: Identity) {
    const rows: { id: string; blocked: boolean; opted_out: boolean; name: string | null; wa_chat_id: string | null }[] = await manager.query(
      `SELECT id, blocked, opted_out, name, wa_chat_id FROM contacts
       WHERE organization_id = $1 AND ${identity.column} = $2 AND deleted_at IS NULL`,
      [organizationId, identity.value],
    );
    return rows[0];
  }

  private async refresh(
    manager: EntityManager,
    id: string,
    identity: Identity,
    pushName: string | null,
    current: { name: string | null; wa_chat_id: string | null },
  ): Promise<void> {
    // A patient's own name (edited by staff) wins over WhatsApp's push name; the chat id WhatsApp uses can change.
    const nameMissing = current.name === null && pushName !== null;
    const chatIdChanged = identity.column === 'phone' && current.wa_chat_id !== identity.chatId;
    if (!nameMissing && !chatIdChanged) return;
    await manager.query(
      `UPDATE contacts SET name = COALESCE(name, $2), wa_chat_id = CASE WHEN $3::boolean THEN $4 ELSE wa_chat_id END, updated_at = now() WHERE id = $1`,
      [id, pushName, chatIdChanged, identity.chatId],
    );
  }
}

function identityOf(chatId: string): Identity | null {
  if (isLidChatId(chatId)) return { column: 'lid', value: chatId, chatId };
  const phone = phoneFromChatId(chatId);
  return phone ? { column: 'phone', value: phone, chatId } : null;
}
