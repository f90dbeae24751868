import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent } from 'src/common/events/domain-events';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { ConversationsService } from 'src/modules/conversations/conversations.service';
import { AfterCommit } from './after-commit';
import { LeadActivityRepository } from './lead-activity.repository';
import { LeadAssignmentService } from './lead-assignment.service';
import { LeadEvents } from './lead-events';
import { LeadScoreHistoryEntity } from './lead-score-history.entity';
import { LeadEntity } from './lead.entity';
import { LeadScoreInput, LeadSource, LeadStatus } from './leads.constants';
import { LeadsRepository } from './leads.repository';
import { EnsureLeadParams, LeadsService } from './leads.service';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const conversationId = '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e';
const contactId = '5b0c7a2e-1f3d-4c8a-9e6b-2d4f6a8c0e12';
const leadId = '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6';
const historyId = '4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f';
const secretaryId = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';

const params: EnsureLeadParams = { organizationId, conversationId, contactId, source: LeadSource.Whatsapp };
const score: LeadScoreInput = { score: 72, band: 'hot', reasons: [{ factor: 'intent', points: 72, detail: 'Quer agendar' }] };

function leadFactory(overrides: Partial<LeadEntity> = {}): LeadEntity {
  return Object.assign(new LeadEntity(), {
    id: leadId,
    organizationId,
    contactId,
    conversationId,
    source: LeadSource.Whatsapp,
    status: LeadStatus.New,
    assignedToId: null,
    score: 0,
    scoreBand: null,
    scoreReasons: [],
    scoredAt: null,
    patientName: null,
    procedure: null,
    preferredTime: null,
    intent: null,
    notes: null,
    deletedAt: null,
    createdAt: new Date('2026-11-22T12:00:00Z'),
    updatedAt: new Date('2026-11-22T12:00:00Z'),
    ...overrides,
  });
}

function conversationFactory(overrides: Partial<ConversationEntity> = {}): ConversationEntity {
  return Object.assign(new ConversationEntity(), { id: conversationId, organizationId, contactId, assignedToId: secretaryId, ...overrides });
}

type RepositoryMock = jest.Mocked<
  Pick<LeadsRepository, 'findOpenByConversation' | 'findById' | 'insertOpenUnlessExists' | 'lockForUpdate' | 'findVisibleWithContact' | 'historyPage' | 'listPage'>
>;

describe(LeadsService.name, () => {
  let sut: LeadsService;
  let repository: RepositoryMock;
  let conversations: jest.Mocked<Pick<ConversationsService, 'findById'>>;
  let events: jest.Mocked<Pick<EventEmitter2, 'emit'>>;
  /** Work deferred to "after commit", run by `commit()`. */
  let pending: (() => void)[];
  let afterCommit: jest.Mocked<Pick<AfterCommit, 'run'>>;
  let transaction: EntityManager;
  let leadRepository: { save: jest.Mock };
  let historyRepository: { create: jest.Mock; save: jest.Mock };

  const commit = (): void => pending.splice(0).forEach((work) => work());

  beforeEach(() => {
    repository = {
      findOpenByConversation: jest.fn().mockResolvedValue(null),
      findById: jest.fn(),
      insertOpenUnlessExists: jest.fn(),
      lockForUpdate: jest.fn(),
      findVisibleWithContact: jest.fn(),
      historyPage: jest.fn(),
      listPage: jest.fn(),
    };
    conversations = { findById: jest.fn().mockResolvedValue(conversationFactory()) };
    events = { emit: jest.fn() };
    pending = [];
    afterCommit = { run: jest.fn((_manager: EntityManager, work: () => void) => void pending.push(work)) };
    leadRepository = { save: jest.fn(async (lead: LeadEntity) => lead) };
    historyRepository = {
      create: jest.fn((fields: Partial<LeadScoreHistoryEntity>) => Object.assign(new LeadScoreHistoryEntity(), fields)),
      save: jest.fn(async (entry: LeadScoreHistoryEntity) => Object.assign(entry, { id: historyId })),
    };
    transaction = {
      getRepository: jest.fn((entity: unknown) => (entity === LeadEntity ? leadRepository : historyRepository)),
    } as unknown as EntityManager;
    const dataSource = { manager: { transaction: jest.fn(async (work: (manager: EntityManager) => Promise<unknown>) => work(transaction)) } };
    sut = new LeadsService(
      repository as unknown as LeadsRepository,
      dataSource as unknown as DataSource,
      conversations as unknown as ConversationsService,
      new LeadEvents(events as unknown as EventEmitter2, afterCommit as unknown as AfterCommit, dataSource as unknown as DataSource),
      {} as LeadActivityRepository,
      {} as LeadAssignmentService,
    );
  });

  describe('ensureForConversation', () => {
    it('should answer the open lead without writing when the conversation has one', async () => {
      const lead = leadFactory();
      repository.findOpenByConversation.mockResolvedValue(lead);
      await expect(sut.ensureForConversation(params)).resolves.toEqual({ lead, created: false });
      expect(repository.insertOpenUnlessExists).not.toHaveBeenCalled();
      expect(conversations.findById).not.toHaveBeenCalled();
      expect(afterCommit.run).not.toHaveBeenCalled();
    });

    it('should create the lead with the conversation’s assignee and clean facts, and emit lead.created after commit', async () => {
      const lead = leadFactory();
      repository.insertOpenUnlessExists.mockResolvedValue(leadId);
      repository.findById.mockResolvedValue(lead);

      const result = await sut.ensureForConversation({ ...params, facts: { patientName: ' Maria ', procedure: null } });

      expect(result).toEqual({ lead, created: true });
      expect(repository.insertOpenUnlessExists).toHaveBeenCalledWith(
        {
          organizationId,
          contactId,
          conversationId,
          source: LeadSource.Whatsapp,
          assignedToId: secretaryId,
          patientName: 'Maria',
          procedure: null,
          preferredTime: null,
          intent: null,
        },
        undefined,
      );
      expect(events.emit).not.toHaveBeenCalled();
      commit();
      expect(events.emit).toHaveBeenCalledWith(DomainEvent.LeadCreated, { organizationId, leadId, contactId, conversationId });
    });

    it('should keep an explicit null assignee and write with the caller’s manager', async () => {
      const manager = {} as EntityManager;
      repository.insertOpenUnlessExists.mockResolvedValue(leadId);
      repository.findById.mockResolvedValue(leadFactory());
      await sut.ensureForConversation({ ...params, assignedToId: null }, manager);
      expect(repository.findOpenByConversation).toHaveBeenCalledWith(organizationId, conversationId, manager);
      expect(repository.insertOpenUnlessExists).toHaveBeenCalledWith(expect.objectContaining({ assignedToId: null }), manager);
      expect(afterCommit.run).toHaveBeenCalledWith(manager, expect.any(Function));
    });

    it('should answer the lead another worker created first, without emitting', async () => {
      const theirs = leadFactory();
      repository.findOpenByConversation.mockResolvedValueOnce(null).mockResolvedValueOnce(theirs);
      repository.insertOpenUnlessExists.mockResolvedValue(null);

      await expect(sut.ensureForConversation(params)).resolves.toEqual({ lead: theirs, created: false });
      commit();
      expect(afterCommit.run).not.toHaveBeenCalled();
      expect(events.emit).not.toHaveBeenCalled();
    });

    it('should try again when the conflicting lead was closed before it could be read', async () => {
      repository.insertOpenUnlessExists.mockResolvedValueOnce(null).mockResolvedValueOnce(leadId);
      repository.findById.mockResolvedValue(leadFactory());
      await expect(sut.ensureForConversation(params)).resolves.toMatchObject({ created: true });
      expect(repository.insertOpenUnlessExists).toHaveBeenCalledTimes(2);
    });

    it('should give up rather than loop when neither inserting nor reading finds a lead', async () => {
      repository.insertOpenUnlessExists.mockResolvedValue(null);
      await expect(sut.ensureForConversation(params)).rejects.toThrow('could not create or find the open lead');
      expect(repository.insertOpenUnlessExists).toHaveBeenCalledTimes(3);
    });

    it('should refuse another organization’s or a missing conversation with LEAD_CONVERSATION_NOT_FOUND', async () => {
      conversations.findById.mockResolvedValue(null);
      await expect(sut.ensureForConversation(params)).rejects.toMatchObject({ code: 'LEAD_CONVERSATION_NOT_FOUND' });
      expect(conversations.findById).toHaveBeenCalledWith(organizationId, conversationId);
      expect(repository.insertOpenUnlessExists).not.toHaveBeenCalled();
    });

    it('should refuse a malformed conversation id without querying', async () => {
      await expect(sut.ensureForConversation({ ...params, conversationId: 'conversa-1' })).rejects.toMatchObject({ code: 'LEAD_CONVERSATION_NOT_FOUND' });
      expect(conversations.findById).not.toHaveBeenCalled();
    });

    it('should refuse a contact that is not the conversation’s with LEAD_CONTACT_MISMATCH', async () => {
      conversations.findById.mockResolvedValue(conversationFactory({ contactId: '8e9f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b' }));
      await expect(sut.ensureForConversation(params)).rejects.toMatchObject({ code: 'LEAD_CONTACT_MISMATCH' });
      expect(repository.insertOpenUnlessExists).not.toHaveBeenCalled();
    });
  });

  describe('recordScore', () => {
    it('should store the score and new facts on the locked lead, append the history, and emit lead.scored after commit', async () => {
      repository.lockForUpdate.mockResolvedValue(leadFactory({ patientName: 'Maria', procedure: 'botox', intent: 'info_question' }));

      const saved = await sut.recordScore(organizationId, leadId, score, { intent: 'booking', facts: { patientName: null, preferredTime: 'sábado' } });

      expect(repository.lockForUpdate).toHaveBeenCalledWith(transaction, organizationId, leadId);
      expect(saved).toMatchObject({
        score: 72,
        scoreBand: 'hot',
        scoreReasons: score.reasons,
        scoredAt: expect.any(Date),
        patientName: 'Maria',
        procedure: 'botox',
        preferredTime: 'sábado',
        intent: 'booking',
      });
      expect(leadRepository.save).toHaveBeenCalledWith(saved);
      expect(historyRepository.create).toHaveBeenCalledWith({ organizationId, leadId, score: 72, band: 'hot', reasons: score.reasons, intent: 'booking' });
      expect(afterCommit.run).toHaveBeenCalledWith(transaction, expect.any(Function));
      expect(events.emit).not.toHaveBeenCalled();
      commit();
      expect(events.emit).toHaveBeenCalledWith(DomainEvent.LeadScored, { organizationId, leadId, scoreHistoryId: historyId });
    });

    it('should keep the last known intent when the turn has none, and take facts.intent when meta has none', async () => {
      repository.lockForUpdate.mockResolvedValue(leadFactory({ intent: 'booking' }));
      await expect(sut.recordScore(organizationId, leadId, score)).resolves.toMatchObject({ intent: 'booking' });
      repository.lockForUpdate.mockResolvedValue(leadFactory({ intent: 'booking' }));
      await expect(sut.recordScore(organizationId, leadId, score, { facts: { intent: 'price_question' } })).resolves.toMatchObject({ intent: 'price_question' });
    });

    it('should run inside the caller’s transaction when given its manager', async () => {
      const callerTransaction = jest.fn(async (work: (manager: EntityManager) => Promise<unknown>) => work(transaction));
      repository.lockForUpdate.mockResolvedValue(leadFactory());
      await sut.recordScore(organizationId, leadId, score, {}, { transaction: callerTransaction } as unknown as EntityManager);
      expect(callerTransaction).toHaveBeenCalledTimes(1);
    });

    it('should answer LEAD_NOT_FOUND for a lead the organization does not have, writing nothing', async () => {
      repository.lockForUpdate.mockResolvedValue(null);
      await expect(sut.recordScore(organizationId, leadId, score)).rejects.toMatchObject({ code: 'LEAD_NOT_FOUND' });
      expect(historyRepository.save).not.toHaveBeenCalled();
      expect(afterCommit.run).not.toHaveBeenCalled();
    });

    it('should refuse a malformed score or lead id before touching the database', async () => {
      await expect(sut.recordScore(organizationId, leadId, { ...score, score: 140 })).rejects.toMatchObject({ code: 'LEAD_INVALID_SCORE' });
      await expect(sut.recordScore(organizationId, 'lead-1', score)).rejects.toMatchObject({ code: 'LEAD_NOT_FOUND' });
      expect(repository.lockForUpdate).not.toHaveBeenCalled();
    });
  });
});
