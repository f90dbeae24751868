import { MessageCreatedEvent, MessageReceivedEvent } from 'src/common/events/domain-events';

/** Work that must happen only once the transaction that justified it has committed. */
export class InboundEffects {
  readonly received: MessageReceivedEvent[] = [];
  readonly mediaDownloads: { organizationId: string; messageId: string }[] = [];
  /** Staff messages typed on the clinic's own phone (patients' are in `received`). */
  readonly clinicPhoneMessages: MessageCreatedEvent[] = [];

  messageReceived(event: MessageReceivedEvent): void {
    this.received.push(event);
  }

  clinicPhoneMessage(event: MessageCreatedEvent): void {
    this.clinicPhoneMessages.push(event);
  }

  downloadMedia(organizationId: string, messageId: string): void {
    this.mediaDownloads.push({ organizationId, messageId });
  }
}
