import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { Repository } from 'typeorm';
import { mediaConfig } from 'src/config/media.config';
import { WahaClient } from 'src/modules/waha/client/waha.client';
import { isWahaError, WahaMediaTooLargeError } from 'src/modules/waha/client/waha.errors';
import { MediaStatus, MessageEntity } from '../message.entity';
import { baseMimetype } from './local-media.storage';
import { MediaStorage } from './media-storage';

/**
 * Copies a received file from WAHA into our storage right away: WAHA deletes its copy after a few minutes.
 * Files over the size limit or of types outside the allow-list are recorded as rejected, never stored.
 */
@Injectable()
export class MediaDownloadService {
  private readonly logger = new Logger(MediaDownloadService.name);

  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly waha: WahaClient,
    private readonly storage: MediaStorage,
    @Inject(mediaConfig.KEY) private readonly config: ConfigType<typeof mediaConfig>,
  ) {}

  async download(organizationId: string, messageId: string): Promise<MediaStatus | null> {
    const message = await this.messages.findOneBy({ id: messageId, organizationId });
    if (!message || message.mediaStatus !== MediaStatus.Pending || !message.mediaSourceUrl) return message?.mediaStatus ?? null;
    const declared = message.mediaMimetype ? baseMimetype(message.mediaMimetype) : null;
    if (!declared || !this.config.allowedMimetypes.has(declared)) {
      return this.settle(message, MediaStatus.Rejected, { mediaError: `media type ${declared ?? 'unknown'} is not accepted` });
    }
    try {
      const file = await this.waha.downloadMedia(message.mediaSourceUrl, { maxBytes: this.config.maxBytes });
      const key = await this.storage.put(organizationId, messageId, file.data, declared);
      return this.settle(message, MediaStatus.Stored, { mediaStorageKey: key, mediaSize: file.data.length, mediaError: null });
    } catch (error) {
      if (error instanceof WahaMediaTooLargeError) {
        return this.settle(message, MediaStatus.Rejected, { mediaError: `file larger than ${this.config.maxBytes} bytes` });
      }
      if (isWahaError(error) && !error.retryable) {
        await this.settle(message, MediaStatus.Failed, { mediaError: `WAHA refused the download: ${error.message}`.slice(0, 255) });
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
  }

  /** Called when the job gave up after its last attempt. */
  async giveUp(organizationId: string, messageId: string, reason: string): Promise<void> {
    await this.messages.update(
      { id: messageId, organizationId, mediaStatus: MediaStatus.Pending },
      { mediaStatus: MediaStatus.Failed, mediaError: reason.slice(0, 255) },
    );
  }

  private async settle(message: MessageEntity, status: MediaStatus, changes: Pick<Partial<MessageEntity>, 'mediaError' | 'mediaStorageKey' | 'mediaSize'>): Promise<MediaStatus> {
    await this.messages.update({ id: message.id, organizationId: message.organizationId }, { ...changes, mediaStatus: status });
    this.logger.log({ messageId: message.id, status }, 'media settled');
    return status;
  }
}
