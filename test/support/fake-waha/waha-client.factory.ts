import { ConfigType } from '@nestjs/config';
import { wahaConfig } from 'src/config/waha.config';
import { WahaClient } from 'src/modules/waha/client/waha.client';
import type { FakeWaha } from 'test/support/fake-waha.server';

/** A WahaClient pointed at a FakeWaha, with its API key, for tests that do not boot the app. */
export function wahaClientFor(fake: FakeWaha, overrides: Partial<ConfigType<typeof wahaConfig>> = {}): WahaClient {
  const config = { ...wahaConfig(), baseUrl: fake.url, apiKey: fake.apiKey, timeoutMs: 2_000, ...overrides };
  return new WahaClient(config);
}
