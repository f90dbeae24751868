import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { WhatsappSessionEntity } from './whatsapp-session.entity';

@Injectable()
export class WhatsappSessionsService {
  constructor(@InjectRepository(WhatsappSessionEntity) private readonly sessions: Repository<WhatsappSessionEntity>) {}

  /** The live session row (any organization), for jobs that already hold its id. */
  findById(organizationId: string, sessionId: string): Promise<WhatsappSessionEntity | null> {
    return this.sessions.findOneBy({ id: sessionId, organizationId });
  }
}
