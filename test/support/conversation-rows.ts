import { randomInt } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ContactEntity, ContactSource } from 'src/modules/contacts/contact.entity';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { dataSourceOf, insertWhatsappSession } from './whatsapp';

export type ConversationRow = ConversationEntity & { contact: ContactEntity };

/** A patient and a conversation of `organizationId` written directly, so a test does not depend on the webhook pipeline. */
export async function insertConversation(
  app: NestFastifyApplication,
  organizationId: string,
  fields: Omit<Partial<ConversationEntity>, 'contact'> & { contact?: Partial<ContactEntity> } = {},
): Promise<ConversationRow> {
  const { contact: contactFields, ...conversationFields } = fields;
  const sessionId = fields.sessionId ?? (await insertWhatsappSession(app, organizationId)).id;
  const digits = String(randomInt(10_000_000, 99_999_999));
  const contacts = dataSourceOf(app).getRepository(ContactEntity);
  const contact = await contacts.save(
    contacts.create({ organizationId, name: `Paciente ${digits}`, phone: `+55119${digits}`, source: ContactSource.Whatsapp, ...contactFields }),
  );
  const conversations = dataSourceOf(app).getRepository(ConversationEntity);
  const conversation = await conversations.save(
    conversations.create({ organizationId, sessionId, contactId: contact.id, chatId: `55119${digits}@c.us`, lastMessageAt: null, ...conversationFields }),
  );
  return Object.assign(conversation, { contact });
}

/** How many messages the conversation holds: internal features must never add one. */
export async function messageCount(app: NestFastifyApplication, conversationId: string): Promise<number> {
  const rows: { count: string }[] = await dataSourceOf(app).query('SELECT count(*) FROM messages WHERE conversation_id = $1', [conversationId]);
  return Number(rows[0].count);
}
