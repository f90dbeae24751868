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
  /** The patient behind one chat id (created when new); null when the chat id identifies no patient. */
  async resolve(manager: EntityManager, organizationId: string, chatId: string, pushName: string | null): Promise<WhatsappContact | null> {
    const found = await this.resolveMany(manager, [{ organizationId, chatId, pushName }]);
    return found.get(`${organizationId} ${chatId}`) ?? null;
  }

  /**
   * The patients behind many chats, in two statements per identity kind: creates the missing contacts (an
   * upsert, so concurrent workers cannot create one twice), fills a missing name (a name staff typed wins over
   * WhatsApp's push name) or a changed chat id, and returns every contact keyed by `${organizationId} ${chatId}`. Input rows are
   * sorted, so concurrent batches lock contacts in the same order.
   */
  async resolveMany(manager: EntityManager, entries: { organizationId: string; chatId: string; pushName: string | null }[]): Promise<Map<string, WhatsappContact>> {
    const found = new Map<string, WhatsappContact>();
    for (const column of ['phone', 'lid'] as const) {
      const wanted = new Map<string, { organizationId: string; value: string; chatId: string; pushName: string | null; keys: string[] }>();
      for (const entry of entries) {
        const identity = identityOf(entry.chatId);
        if (!identity || identity.column !== column) continue;
        const id = `${entry.organizationId} ${identity.value}`;
        const current = wanted.get(id);
        const key = `${entry.organizationId} ${entry.chatId}`;
        if (current) {
          current.pushName ??= entry.pushName;
          current.chatId = entry.chatId;
          current.keys.push(key);
        } else {
          wanted.set(id, { organizationId: entry.organizationId, value: identity.value, chatId: entry.chatId, pushName: entry.pushName, keys: [key] });
        }
      }
      if (wanted.size === 0) continue;
      const rows = [...wanted.values()].sort((a, b) => (a.organizationId + a.value < b.organizationId + b.value ? -1 : 1));
      const isPhone = column === 'phone';
      await manager.query(
        `INSERT INTO contacts (organization_id, ${column}, wa_chat_id, name, source)
         SELECT o, v, c, n, 'whatsapp' FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[]) AS t(o, v, c, n)
         ON CONFLICT (organization_id, ${column}) WHERE deleted_at IS NULL AND ${column} IS NOT NULL
         DO UPDATE SET name = COALESCE(contacts.name, EXCLUDED.name),
                       wa_chat_id = ${isPhone ? 'EXCLUDED.wa_chat_id' : 'contacts.wa_chat_id'}, updated_at = now()
         WHERE (contacts.name IS NULL AND EXCLUDED.name IS NOT NULL)${isPhone ? ' OR contacts.wa_chat_id IS DISTINCT FROM EXCLUDED.wa_chat_id' : ''}`,
        [rows.map((row) => row.organizationId), rows.map((row) => row.value), rows.map((row) => (isPhone ? row.chatId : null)), rows.map((row) => row.pushName)],
      );
      const stored: { id: string; organization_id: string; value: string; blocked: boolean; opted_out: boolean }[] = await manager.query(
        `SELECT c.id, c.organization_id, c.${column} AS value, c.blocked, c.opted_out
         FROM contacts c JOIN unnest($1::uuid[], $2::varchar[]) AS t(o, v) ON c.organization_id = t.o AND c.${column} = t.v
         WHERE c.deleted_at IS NULL`,
        [rows.map((row) => row.organizationId), rows.map((row) => row.value)],
      );
      for (const row of stored) {
        const entry = wanted.get(`${row.organization_id} ${row.value}`);
        for (const key of entry?.keys ?? []) found.set(key, { id: row.id, blocked: row.blocked, optedOut: row.opted_out });
      }
    }
    return found;
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
}

function identityOf(chatId: string): Identity | null {
  if (isLidChatId(chatId)) return { column: 'lid', value: chatId, chatId };
  const phone = phoneFromChatId(chatId);
  return phone ? { column: 'phone', value: phone, chatId } : null;
}

/** The identity a chat id stands for, or null when it is not a patient's (exported for the bulk path). */
export function contactIdentityOf(chatId: string): { column: 'phone' | 'lid'; value: string } | null {
  const identity = identityOf(chatId);
  return identity ? { column: identity.column, value: identity.value } : null;
}
