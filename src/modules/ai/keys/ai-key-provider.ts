import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SecretCipher } from 'src/common/crypto/secret-cipher';
import { aiConfig } from 'src/config/ai.config';
import { AiApiKeyEntity } from './ai-api-key.entity';
import { KeyStateStore } from './ai-key-state.store';
import { classifyProviderError, ProviderErrorKind } from './classify-provider-error';
import { AI_CLOCK, Clock, systemClock } from './clock';
import { parsePlatformKeys, PlatformKey } from './platform-keys';
import { resealKey } from './reseal-key';

export interface AcquiredKey {
  keyId: string;
  apiKey: string;
  source: 'organization' | 'platform';
}

interface Candidate {
  id: string;
  /** Decrypts on demand, so only the chosen key is ever opened. */
  open: () => Promise<string>;
}

const PLATFORM_SCOPE = 'platform';
// last_used_at is for people ("used a minute ago"); one write per key per minute is plenty.
const LAST_USED_WRITE_INTERVAL_MS = 60_000;

/**
 * Hands out Gemini keys: the organization's own keys round-robin, the platform's keys (env) only when the
 * organization has no usable one, and null when nothing is usable (the caller answers offline). Keys that
 * fail with auth or quota errors sit out a cool-down. Turn and bench state live in Redis, so every API and
 * worker process rotates and benches together.
 */
@Injectable()
export class AiKeyProvider {
  static readonly classifyProviderError = classifyProviderError;

  private readonly logger = new Logger(AiKeyProvider.name);
  private readonly platformKeys: PlatformKey[];

  constructor(
    @InjectRepository(AiApiKeyEntity) private readonly keys: Repository<AiApiKeyEntity>,
    private readonly cipher: SecretCipher,
    private readonly state: KeyStateStore,
    @Inject(aiConfig.KEY) private readonly config: ConfigType<typeof aiConfig>,
    @Optional() @Inject(AI_CLOCK) private readonly clock: Clock = systemClock,
  ) {
    this.platformKeys = parsePlatformKeys(config.geminiApiKey, config.geminiApiKeys);
  }

  async acquire(organizationId: string): Promise<AcquiredKey | null> {
    const own = await this.pick(organizationId, await this.organizationCandidates(organizationId));
    if (own) return { keyId: own.id, apiKey: own.apiKey, source: 'organization' };
    const platform = await this.pick(PLATFORM_SCOPE, this.platformKeys.map((key) => ({ id: key.id, open: async () => key.apiKey })));
    return platform ? { keyId: platform.id, apiKey: platform.apiKey, source: 'platform' } : null;
  }

  /** Auth and quota failures bench the key; transient ones (and bad requests, which no key fixes) do not. */
  async reportFailure(key: AcquiredKey, kind: ProviderErrorKind): Promise<void> {
    if (kind !== 'auth' && kind !== 'quota') return;
    const cooldownMs = (kind === 'auth' ? this.config.keyAuthCooldownSeconds : this.config.keyQuotaCooldownSeconds) * 1000;
    const until = this.clock.now() + cooldownMs;
    try {
      await this.state.bench(key.keyId, until, cooldownMs);
      // The next success must clear failure_count at once rather than wait for the write interval.
      await this.state.release(`used-${key.keyId}`);
      if (key.source === 'organization') {
        await this.keys.query(
          `UPDATE ai_api_keys SET benched_until = GREATEST(COALESCE(benched_until, $2), $2), failure_count = failure_count + 1,
                  last_failure_kind = $3, last_failure_at = now()
            WHERE id = $1`,
          [key.keyId, new Date(until), kind],
        );
      }
      this.logger.warn({ keyId: key.keyId, source: key.source, kind, cooldownMs }, 'AI key benched');
    } catch (error) {
      this.logger.error({ keyId: key.keyId, err: errorMessage(error) }, 'could not bench AI key');
    }
  }

  async reportSuccess(key: AcquiredKey): Promise<void> {
    if (key.source !== 'organization') return;
    try {
      if (!(await this.state.claimOnce(`used-${key.keyId}`, LAST_USED_WRITE_INTERVAL_MS))) return;
      await this.keys.update({ id: key.keyId }, { lastUsedAt: new Date(this.clock.now()), failureCount: 0 });
    } catch (error) {
      this.logger.error({ keyId: key.keyId, err: errorMessage(error) }, 'could not record AI key use');
    }
  }

  /** Picks the next usable candidate in turn; a key that cannot be opened is skipped (and logged). */
  private async pick(scope: string, candidates: Candidate[]): Promise<{ id: string; apiKey: string } | null> {
    if (candidates.length === 0) return null;
    const benched = await this.state.benchedUntil(candidates.map((candidate) => candidate.id));
    const now = this.clock.now();
    const usable = candidates.filter((candidate) => (benched.get(candidate.id) ?? 0) <= now);
    if (usable.length === 0) return null;
    const turn = await this.state.nextTurn(scope);
    for (let offset = 0; offset < usable.length; offset += 1) {
      const candidate = usable[(turn - 1 + offset) % usable.length];
      try {
        return { id: candidate.id, apiKey: await candidate.open() };
      } catch (error) {
        this.logger.error({ keyId: candidate.id, err: errorMessage(error) }, 'AI key could not be decrypted; skipped');
      }
    }
    return null;
  }

  private async organizationCandidates(organizationId: string): Promise<Candidate[]> {
    const rows = await this.keys.find({
      where: { organizationId },
      select: { id: true, apiKeyEncrypted: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => ({ id: row.id, open: () => this.open(row) }));
  }

  private async open(row: Pick<AiApiKeyEntity, 'id' | 'apiKeyEncrypted'>): Promise<string> {
    const apiKey = this.cipher.decrypt(row.apiKeyEncrypted);
    if (this.cipher.needsRotation(row.apiKeyEncrypted)) await this.reseal(row, apiKey);
    return apiKey;
  }

  /** Lazy rotation: a value sealed with an older master key is sealed again with the newest one. */
  private async reseal(row: Pick<AiApiKeyEntity, 'id' | 'apiKeyEncrypted'>, apiKey: string): Promise<void> {
    try {
      await resealKey(this.keys, this.cipher, row, apiKey);
    } catch (error) {
      this.logger.warn({ keyId: row.id, err: errorMessage(error) }, 'could not re-seal AI key');
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
