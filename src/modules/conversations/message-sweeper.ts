import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { MEDIA_JOB_OPTIONS, mediaJobId } from './media/media-jobs';
import { MessageEntity } from './message.entity';
import { OutboundMessagesService } from './outbound/outbound-messages.service';

const STALE_AFTER = '1 minute';
const BATCH = 200;

/**
 * Finds messages whose job Redis lost (sends still queued, media still pending) and enqueues them again
 * under their deterministic job ids, so work that is merely waiting in the queue is not duplicated.
 */
@Injectable()
export class MessageSweeper {
  private readonly logger = new Logger(MessageSweeper.name);

  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly outbound: OutboundMessagesService,
    private readonly queues: QueueService,
  ) {}

  async sweep(): Promise<{ sends: number; downloads: number }> {
    const sends: { id: string; organization_id: string }[] = await this.messages.query(
      `SELECT id, organization_id FROM messages WHERE direction = 'outbound' AND status = 'queued' AND created_at < now() - $1::interval
       ORDER BY created_at LIMIT $2`,
      [STALE_AFTER, BATCH],
    );
    for (const send of sends) await this.outbound.enqueue({ id: send.id, organizationId: send.organization_id });
    const downloads: { id: string; organization_id: string }[] = await this.messages.query(
      `SELECT id, organization_id FROM messages WHERE direction = 'inbound' AND media_status = 'pending' AND created_at < now() - $1::interval
       ORDER BY created_at LIMIT $2`,
      [STALE_AFTER, BATCH],
    );
    await this.queues.enqueueMany(
      JobName.DownloadMessageMedia,
      downloads.map((row) => ({ payload: { organizationId: row.organization_id, messageId: row.id }, options: { ...MEDIA_JOB_OPTIONS, jobId: mediaJobId(row.id) } })),
    );
    if (sends.length + downloads.length > 0) this.logger.log({ sends: sends.length, downloads: downloads.length }, 'stale messages re-enqueued');
    return { sends: sends.length, downloads: downloads.length };
  }
}
