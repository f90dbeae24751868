import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { AppModule } from 'src/app.module';
import { configureApp, createFastifyAdapter, NEST_APP_OPTIONS } from 'src/app.setup';
import { appConfig } from 'src/config/app.config';

/** Replaces providers that talk to the outside world (the Gemini model factory) with fakes. */
export type ModuleOverrides = (builder: TestingModuleBuilder) => TestingModuleBuilder;

/**
 * Boots the production app (same module tree, same configureApp) on the run's throwaway database.
 * `env` overrides configuration for this app only, e.g. tight throttling limits.
 */
export async function createTestApp(env: Record<string, string> = {}, overrides: ModuleOverrides = (builder) => builder): Promise<NestFastifyApplication> {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    const moduleRef = await overrides(Test.createTestingModule({ imports: [AppModule] })).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(appConfig()), {
      ...NEST_APP_OPTIONS,
      logger: false,
    });
    await configureApp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return app;
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Boots the app once for the enclosing `describe` and closes it afterwards; `use` receives it. */
export function withTestApp(use: (app: NestFastifyApplication) => void, env: Record<string, string> = {}): void {
  let app: NestFastifyApplication | undefined;
  beforeAll(async () => {
    app = await createTestApp(env);
    use(app);
  });
  afterAll(async () => {
    await app?.close();
  });
}
