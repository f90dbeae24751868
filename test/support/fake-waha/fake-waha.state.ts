import { WahaMessage } from 'src/modules/waha/client/waha.types';
import { FakeSentMessage, FakeSession } from 'test/support/fake-waha/fake-waha.types';
import { FakeSessionStore } from 'test/support/fake-waha/session-store';

export interface FakeMedia {
  data: Buffer;
  mimetype: string;
  chunked: boolean;
}

/** Everything the fake remembers between requests. */
export class FakeWahaState {
  readonly sessions: FakeSessionStore;
  readonly sent: FakeSentMessage[] = [];
  /** Messages that did not go through a send endpoint (delivered inbound events), for chat history. */
  readonly received: Array<{ session: string; message: WahaMessage }> = [];
  readonly media = new Map<string, FakeMedia>();
  /** check-exists answers: phone digits → chat id, or null for "not on WhatsApp". */
  readonly numberLookups = new Map<string, string | null>();

  constructor(onStatusChange: (session: FakeSession) => void) {
    this.sessions = new FakeSessionStore(onStatusChange);
  }

  recordReceived(session: string, message: WahaMessage): void {
    if (this.received.some((item) => item.session === session && item.message.id === message.id)) return;
    this.received.push({ session, message });
  }

  clear(): void {
    this.sessions.clear();
    this.sent.length = 0;
    this.received.length = 0;
    this.media.clear();
    this.numberLookups.clear();
  }
}
