import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from 'src/app.module';
import { installShutdownHandlers } from 'src/app.setup';
import { appConfig } from 'src/config';
import { Logger } from 'nestjs-pino';

/** Queue workers without HTTP (APP_ROLE=worker): same module tree, no listener. */
export async function runWorker(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  installShutdownHandlers(app, null, appConfig().shutdownTimeoutMs);
}

if (require.main === module) {
  process.env.APP_ROLE = 'worker';
  runWorker().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
