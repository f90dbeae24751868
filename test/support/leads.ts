import { randomInt } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ContactEntity, ContactSource } from 'src/modules/contacts/contact.entity';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { LeadEntity } from 'src/modules/leads/lead.entity';
import { LeadScoreInput, LeadSource, LeadStatus } from 'src/modules/leads/leads.constants';
import { LeadsService } from 'src/modules/leads/leads.service';
import { dataSourceOf, insertWhatsappSession } from './whatsapp';

export interface TestConversation extends ConversationEntity {
  contact: ContactEntity;
}

export interface TestLeadOptions {
  assignedToId?: string | null;
  source?: LeadSource;
  status?: LeadStatus;
  score?: number;
  createdAt?: Date;
  contact?: Partial<ContactEntity>;
  /** Open the lead on a new conversation of this existing patient instead of a new one. */
  contactId?: string;
}

export function scoreOf(value: number): LeadScoreInput {
  const band = value >= 70 ? 'hot' : value >= 40 ? 'warm' : 'cold';
  return { score: value, band, reasons: [{ factor: 'intent', points: value, detail: `Intenção vale ${value}` }] };
}

/** A conversation written directly, so lead tests do not depend on the webhook pipeline. */
export async function insertConversation(
  app: NestFastifyApplication,
  organizationId: string,
  contactFields: Partial<ContactEntity> = {},
  contactId?: string,
): Promise<TestConversation> {
  const session = await insertWhatsappSession(app, organizationId);
  const digits = String(randomInt(10_000_000, 99_999_999));
  const contacts = dataSourceOf(app).getRepository(ContactEntity);
  const contact = contactId
    ? await contacts.findOneByOrFail({ id: contactId })
    : await contacts.save(contacts.create({ organizationId, name: `Paciente ${digits}`, phone: `+55119${digits}`, source: ContactSource.Whatsapp, ...contactFields }));
  const conversations = dataSourceOf(app).getRepository(ConversationEntity);
  const conversation = await conversations.save(
    conversations.create({ organizationId, sessionId: session.id, contactId: contact.id, chatId: `55119${digits}@c.us`, lastMessageAt: null }),
  );
  return Object.assign(conversation, { contact });
}

/** A lead opened the way the AI pipeline opens one; status and creation time then set directly. */
export async function insertLead(
  app: NestFastifyApplication,
  organizationId: string,
  options: TestLeadOptions = {},
): Promise<LeadEntity & { conversation: TestConversation }> {
  const service = app.get(LeadsService);
  const conversation = await insertConversation(app, organizationId, options.contact, options.contactId);
  const { lead } = await service.ensureForConversation({
    organizationId,
    conversationId: conversation.id,
    contactId: conversation.contactId,
    source: options.source ?? LeadSource.Whatsapp,
    assignedToId: options.assignedToId ?? null,
  });
  if (options.score !== undefined) await service.recordScore(organizationId, lead.id, scoreOf(options.score));
  const changes: Partial<Pick<LeadEntity, 'status' | 'createdAt'>> = {};
  if (options.status) changes.status = options.status;
  if (options.createdAt) changes.createdAt = options.createdAt;
  if (Object.keys(changes).length > 0) await dataSourceOf(app).getRepository(LeadEntity).update({ id: lead.id }, changes);
  return Object.assign(lead, { conversation });
}
