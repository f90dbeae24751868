import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from 'src/app.module';
import { configureApp, createFastifyAdapter, installShutdownHandlers, NEST_APP_OPTIONS } from 'src/app.setup';
import { appConfig, loadEnv } from 'src/config';
import { runWorker } from 'src/worker';

async function bootstrap(): Promise<void> {
  const env = loadEnv();
  if (env.APP_ROLE === 'worker') return runWorker();
  const config = appConfig();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(config), {
    ...NEST_APP_OPTIONS,
    bufferLogs: true,
  });
  await configureApp(app);
  await app.listen(config.port, config.host);
  installShutdownHandlers(app, { close: () => app.getHttpAdapter().getInstance().close() }, config.shutdownTimeoutMs);
}

bootstrap().catch((error: unknown) => {
  // Config errors name every bad variable; print them plainly and stop.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
