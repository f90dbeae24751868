import { randomInt } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ContactEntity, ContactSource } from 'src/modules/contacts/contact.entity';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { dataSourceOf, insertWhatsappSession } from './whatsapp';

/**
 * A conversation (with its patient and, unless given, a new WhatsApp number) written straight to the
 * database, so workspace tests do not depend on the webhook pipeline.
 */
export async function insertConversationRow(
  app: NestFastifyApplication,
  organizationId: string,
  fields: Omit<Partial<ConversationEntity>, 'contact'> = {},
): Promise<ConversationEntity> {
  const sessionId = fields.sessionId ?? (await insertWhatsappSession(app, organizationId)).id;
  const digits = String(randomInt(10_000_000, 99_999_999));
  const contacts = dataSourceOf(app).getRepository(ContactEntity);
  const contact = await contacts.save(contacts.create({ organizationId, name: `Paciente ${digits}`, phone: `+55119${digits}`, source: ContactSource.Whatsapp }));
  const conversations = dataSourceOf(app).getRepository(ConversationEntity);
  return conversations.save(conversations.create({ organizationId, sessionId, contactId: contact.id, chatId: `55119${digits}@c.us`, ...fields }));
}

/** `count` more patient messages as the inbound pipeline counts them (inbound_count), marked answered so the bot sweeper ignores them. */
export async function receivePatientMessages(app: NestFastifyApplication, conversationId: string, count: number): Promise<void> {
  await dataSourceOf(app).query(
    `UPDATE conversations SET inbound_count = inbound_count + $2, bot_answered_count = bot_answered_count + $2, last_inbound_at = now(), last_message_at = now() WHERE id = $1`,
    [conversationId, count],
  );
}
