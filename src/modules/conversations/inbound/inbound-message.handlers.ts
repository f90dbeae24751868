import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { contactIdentityOf, WhatsappContactsService } from 'src/modules/contacts/whatsapp-contacts.service';
import { LockedInboxEvent } from 'src/modules/waha/inbox/waha-inbox.service';
import { chatIdOf } from 'src/modules/waha/webhook/webhook-envelope';
import { MediaStatus, MessageDirection, MessageSender, MessageStatus } from '../message.entity';
import { ConversationOwner } from '../conversation.entity';
import { changeOwner } from '../ownership/conversation-ownership';
import { OwnershipChangeReason } from '../ownership/ownership-event.entity';
import { conversationKey, OpenConversation, upsertOpenConversation, upsertOpenConversations } from './conversation-upsert';
import { InboundEffects } from './inbound-effects';
import { ACK_STATUS, findByKeyId, findByKeyIds, insertWahaMessage, insertWahaMessages, keyIdKey } from './message-insert';
import { keyIdOf, MappedMessage, mapWahaMessage } from './waha-message.mapper';

type Json = Record<string, unknown>;

/** What happened to an event: null when it did its work, else why it changed nothing. */
export type HandlerOutcome = string | null;

const payloadOf = (event: LockedInboxEvent): Json => event.payload.payload as Json;

/**
 * Transaction-scoped locks on WhatsApp messages (by number and key id), in one statement and in sorted order;
 * a separate statement, so the next one sees what it waited for.
 */
async function lockKeyIds(manager: EntityManager, keys: string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  await manager.query(
    `SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM (SELECT k FROM unnest($1::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n) AS ordered`,
    [sorted],
  );
}

@Injectable()
export class InboundMessageHandlers {
  constructor(private readonly contacts: WhatsappContactsService) {}

  /** `message`: a patient wrote to the clinic. */
  async patientMessage(manager: EntityManager, event: LockedInboxEvent, effects: InboundEffects): Promise<HandlerOutcome> {
    const payload = payloadOf(event);
    const message = mapWahaMessage(payload);
    const chatId = chatIdOf(payload);
    // The same message can arrive twice at once (under `@c.us` and `@lid`); the second copy must see the
    // first one's rows, so copies of one key id are handled one after the other.
    await lockKeyIds(manager, [`${event.sessionId}:${message.wahaKeyId}`]);
    const stored = await findByKeyId(manager, { organizationId: event.organizationId, sessionId: event.sessionId, keyId: message.wahaKeyId });
    if (stored) {
      // The same message under its other id (`@c.us` vs `@lid`): it tells us both ids are one patient.
      await this.contacts.link(manager, event.organizationId, stored.contactId, chatId);
      return 'message already stored';
    }
    const written = await this.storeInChat(manager, event, chatId, message, {
      pushName: message.pushName,
      direction: MessageDirection.Inbound,
      sender: MessageSender.Patient,
      status: MessageStatus.Received,
    });
    if (typeof written === 'string') return written;
    const { contactId, conversationId, messageId } = written;
    effects.messageReceived({ organizationId: event.organizationId, conversationId, messageId, contactId });
    if (message.media?.status === MediaStatus.Pending) effects.downloadMedia(event.organizationId, messageId);
    return null;
  }

  /**
   * `patientMessage` for a whole batch in a handful of set-based statements (existing key ids, contacts,
   * conversations, messages) instead of four or five round trips per message. Rare cases (a key id already
   * stored, or twice in the batch) go through `patientMessage` one by one afterwards.
   */
  async patientMessages(manager: EntityManager, events: LockedInboxEvent[], effects: InboundEffects): Promise<Map<string, HandlerOutcome>> {
    const outcomes = new Map<string, HandlerOutcome>();
    if (events.length === 0) return outcomes;
    const items = events.map((event) => {
      const payload = payloadOf(event);
      const message = mapWahaMessage(payload);
      return { event, message, chatId: chatIdOf(payload), key: keyIdKey({ organizationId: event.organizationId, sessionId: event.sessionId, keyId: message.wahaKeyId }) };
    });
    // As in `patientMessage`: copies of one message (`@c.us`/`@lid`) are handled one after the other. One statement,
    // key ids in a fixed order, so two batches never wait for each other in a cycle.
    await lockKeyIds(manager, items.map(({ event, message }) => `${event.sessionId}:${message.wahaKeyId}`));
    const stored = await findByKeyIds(
      manager,
      items.map(({ event, message }) => ({ organizationId: event.organizationId, sessionId: event.sessionId, keyId: message.wahaKeyId })),
    );
    const oneByOne: LockedInboxEvent[] = [];
    const fresh: typeof items = [];
    const seen = new Set<string>();
    for (const item of items) {
      if (stored.has(item.key) || seen.has(item.key)) {
        oneByOne.push(item.event);
      } else if (!contactIdentityOf(item.chatId)) {
        outcomes.set(item.event.id, 'chat id identifies no patient');
      } else {
        seen.add(item.key);
        fresh.push(item);
      }
    }
    const contacts = await this.contacts.resolveMany(
      manager,
      fresh.map(({ event, chatId, message }) => ({ organizationId: event.organizationId, chatId, pushName: message.pushName })),
    );
    const withContact = fresh.flatMap((item) => {
      const contact = contacts.get(`${item.event.organizationId} ${item.chatId}`);
      if (!contact) {
        oneByOne.push(item.event);
        return [];
      }
      return [{ ...item, contactId: contact.id }];
    });
    const conversations = await upsertOpenConversations(
      manager,
      withContact.map(({ event, contactId, chatId, message }) => ({
        organizationId: event.organizationId,
        contactId,
        sessionId: event.sessionId,
        chatId,
        at: message.occurredAt,
        inbound: true,
      })),
    );
    const rows = withContact.map((item) => {
      const conversation = conversations.get(conversationKey({ organizationId: item.event.organizationId, contactId: item.contactId, sessionId: item.event.sessionId })) as OpenConversation;
      return { ...item, conversationId: conversation.id, people: { assignedToId: conversation.assignedToId, ownerUserId: conversation.ownerUserId } };
    });
    const inserted = await insertWahaMessages(
      manager,
      rows.map(({ event, conversationId, message }) => ({
        organizationId: event.organizationId,
        sessionId: event.sessionId,
        conversationId,
        message,
        direction: MessageDirection.Inbound,
        sender: MessageSender.Patient,
        status: MessageStatus.Received,
      })),
    );
    for (const row of rows) {
      const messageId = inserted.get(row.key);
      if (!messageId) {
        // Stored meanwhile by another batch (the same message under its other chat id): link the contact as usual.
        oneByOne.push(row.event);
        continue;
      }
      outcomes.set(row.event.id, null);
      effects.messageReceived({ organizationId: row.event.organizationId, conversationId: row.conversationId, messageId, contactId: row.contactId, ...row.people });
      if (row.message.media?.status === MediaStatus.Pending) effects.downloadMedia(row.event.organizationId, messageId);
    }
    for (const event of oneByOne) outcomes.set(event.id, await this.patientMessage(manager, event, effects));
    return outcomes;
  }

  /** `message.any` with fromMe: either the echo of our own send, or staff typing on the clinic's phone. */
  async ownMessage(manager: EntityManager, event: LockedInboxEvent, effects: InboundEffects): Promise<HandlerOutcome> {
    const payload = payloadOf(event);
    const message = mapWahaMessage(payload);
    const chatId = chatIdOf(payload);
    const stored = await findByKeyId(manager, { organizationId: event.organizationId, sessionId: event.sessionId, keyId: message.wahaKeyId });
    if (stored) {
      if (message.ack !== null) await this.applyAck(manager, event, message.wahaKeyId, message.ack);
      return 'echo of a stored message';
    }
    if (payload.source === 'api' && (await this.adoptOurSend(manager, event, chatId, message.wahaMessageId, message.wahaKeyId, message.body))) {
      return 'echo of our send, id recorded';
    }
    // Files staff send from the phone are not copied: the clinic already has them.
    const withoutMedia = { ...message, media: message.media ? { ...message.media, status: MediaStatus.Failed, error: 'sent from the clinic phone; not copied' } : null };
    const written = await this.storeInChat(manager, event, chatId, withoutMedia, {
      pushName: null,
      direction: MessageDirection.Outbound,
      sender: MessageSender.ClinicPhone,
      status: ACK_STATUS[message.ack ?? 1] ?? MessageStatus.Sent,
    });
    if (typeof written === 'string') return written;
    effects.clinicPhoneMessage({ organizationId: event.organizationId, conversationId: written.conversationId, messageId: written.messageId, direction: 'outbound' });
    // Staff wrote from the clinic's own phone: a human owns the conversation now, the bot stays quiet.
    await changeOwner(manager, {
      organizationId: event.organizationId,
      conversationId: written.conversationId,
      toOwnerType: ConversationOwner.Human,
      reason: OwnershipChangeReason.ClinicPhone,
    });
    return null;
  }

  /** `message.ack`: delivery progress of a message we sent. Acks arrive out of order: keep the highest. */
  async ack(manager: EntityManager, event: LockedInboxEvent): Promise<HandlerOutcome> {
    const payload = payloadOf(event);
    const updated = await this.applyAck(manager, event, keyIdOf(String(payload.id)), Number(payload.ack));
    return updated ? null : 'no newer state for a stored outbound message';
  }

  /** `message.revoked`: the author deleted the message for everyone. */
  async revoked(manager: EntityManager, event: LockedInboxEvent): Promise<HandlerOutcome> {
    const payload = payloadOf(event);
    const after = payload.after as Json | null | undefined;
    const keyId = typeof payload.revokedMessageId === 'string' ? payload.revokedMessageId : keyIdOf(String(after?.id));
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE messages SET revoked_at = COALESCE(revoked_at, now()), updated_at = now()
       WHERE organization_id = $1 AND session_id = $2 AND waha_key_id = $3 RETURNING id`,
      [event.organizationId, event.sessionId, keyId],
    );
    return rows.length > 0 ? null : 'revoked message is not stored';
  }

  /** Patient → conversation → message, for one message of `chatId`; a string says why nothing was stored. */
  private async storeInChat(
    manager: EntityManager,
    event: LockedInboxEvent,
    chatId: string,
    message: MappedMessage,
    how: { pushName: string | null; direction: MessageDirection; sender: MessageSender; status: MessageStatus },
  ): Promise<{ contactId: string; conversationId: string; messageId: string } | string> {
    const contact = await this.contacts.resolve(manager, event.organizationId, chatId, how.pushName);
    if (!contact) return 'chat id identifies no patient';
    const conversationId = await upsertOpenConversation(manager, {
      organizationId: event.organizationId,
      contactId: contact.id,
      sessionId: event.sessionId,
      chatId,
      at: message.occurredAt,
      inbound: how.direction === MessageDirection.Inbound,
    });
    const messageId = await insertWahaMessage(manager, {
      organizationId: event.organizationId,
      conversationId,
      sessionId: event.sessionId,
      direction: how.direction,
      sender: how.sender,
      status: how.status,
      message,
    });
    if (!messageId) return 'message already stored';
    return { contactId: contact.id, conversationId, messageId };
  }

  private async applyAck(manager: EntityManager, event: LockedInboxEvent, keyId: string, ack: number): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE messages SET ack = $4, status = $5, updated_at = now(),
              failure_reason = CASE WHEN $4 = -1 THEN 'WhatsApp reported a delivery error' ELSE failure_reason END
       WHERE organization_id = $1 AND session_id = $2 AND waha_key_id = $3 AND direction = 'outbound'
         AND (ack IS NULL OR ack < $4 OR ($4 = -1 AND ack <= 0))
       RETURNING id`,
      [event.organizationId, event.sessionId, keyId, ack, ACK_STATUS[ack]],
    );
    return rows.length > 0;
  }

  /** WAHA sometimes answers a send without the new id; its echo then completes our row. */
  private async adoptOurSend(
    manager: EntityManager,
    event: LockedInboxEvent,
    chatId: string,
    wahaMessageId: string,
    keyId: string,
    body: string | null,
  ): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE messages SET waha_message_id = $4, waha_key_id = $5, updated_at = now()
       WHERE id = (
         SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE m.organization_id = $1 AND m.session_id = $2 AND c.chat_id = $3 AND m.direction = 'outbound'
           AND m.waha_key_id IS NULL AND m.status IN ('sending', 'pending', 'sent') AND m.body IS NOT DISTINCT FROM $6
         ORDER BY m.created_at LIMIT 1)
       RETURNING id`,
      [event.organizationId, event.sessionId, chatId, wahaMessageId, keyId, body],
    );
    return rows.length > 0;
  }
}
