import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { SecretCipher } from 'src/common/crypto/secret-cipher';
import { WhatsappSessionEntity } from '../sessions/whatsapp-session.entity';

export interface WebhookSession {
  id: string;
  organizationId: string;
  hmacKey: Buffer;
}

// Webhooks arrive thousands per second for a handful of sessions: keep the decrypted key in memory briefly.
// A deleted session keeps being accepted for at most this long, and its events are then stored as ignored.
const KNOWN_TTL_MS = 30_000;
// Unknown names are remembered briefly too, so a flood for a bogus session does not become a flood of queries.
const UNKNOWN_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  session: WebhookSession | null;
  expiresAt: number;
}

@Injectable()
export class WebhookSessionResolver {
  private readonly cache = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<WebhookSession | null>>();

  constructor(
    @InjectRepository(WhatsappSessionEntity) private readonly sessions: Repository<WhatsappSessionEntity>,
    private readonly cipher: SecretCipher,
  ) {}

  async resolve(name: string): Promise<WebhookSession | null> {
    const cached = this.cache.get(name);
    if (cached && cached.expiresAt > Date.now()) return cached.session;
    let loading = this.inFlight.get(name);
    if (!loading) {
      loading = this.load(name).finally(() => this.inFlight.delete(name));
      this.inFlight.set(name, loading);
    }
    return loading;
  }

  /** Drops a cached session at once (deleted, or its key changed). */
  forget(name: string): void {
    this.cache.delete(name);
  }

  private async load(name: string): Promise<WebhookSession | null> {
    const row = await this.sessions.findOne({
      where: { name, deletedAt: IsNull() },
      select: { id: true, organizationId: true, hmacKeyEncrypted: true },
    });
    const session = row ? { id: row.id, organizationId: row.organizationId, hmacKey: Buffer.from(this.cipher.decrypt(row.hmacKeyEncrypted), 'utf8') } : null;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(name, { session, expiresAt: Date.now() + (session ? KNOWN_TTL_MS : UNKNOWN_TTL_MS) });
    return session;
  }
}
