import { ConfigType } from '@nestjs/config';
import { wahaConfig } from 'src/config/waha.config';
import { WahaClient } from 'src/modules/waha/client/waha.client';
import { FakeWaha } from 'test/support/fake-waha.server';
import { FakeWahaOptions } from 'test/support/fake-waha/fake-waha.types';

/** A WahaClient pointed at a FakeWaha, with its API key, for tests that do not boot the app. */
export function wahaClientFor(fake: FakeWaha, overrides: Partial<ConfigType<typeof wahaConfig>> = {}): WahaClient {
  const config = { ...wahaConfig(), baseUrl: fake.url, apiKey: fake.apiKey, timeoutMs: 2_000, ...overrides };
  return new WahaClient(config);
}

export interface FakeWahaContext {
  fake: FakeWaha;
  client: WahaClient;
}

/**
 * Registers the jest hooks of a spec that talks to a FakeWaha: one server per file, then before each
 * test a reset and a fresh client. Read `fake`/`client` inside tests, not at describe time.
 */
export function useFakeWaha(options: FakeWahaOptions = {}): FakeWahaContext {
  let fake: FakeWaha | undefined;
  let client: WahaClient | undefined;
  beforeAll(async () => {
    fake = await FakeWaha.start(options);
  });
  afterAll(() => fake?.stop());
  beforeEach(() => {
    fake?.reset();
    client = fake && wahaClientFor(fake);
  });
  return {
    get fake(): FakeWaha {
      if (!fake) throw new Error('FakeWaha is not started yet: use it inside a test');
      return fake;
    },
    get client(): WahaClient {
      if (!client) throw new Error('WahaClient is created before each test: use it inside a test');
      return client;
    },
  };
}
