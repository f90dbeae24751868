import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ClsModule, ClsService } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { appConfig, CONFIG_NAMESPACES, validateEnv } from 'src/config';
import { AllExceptionsFilter } from 'src/common/filters/all-exceptions.filter';
import { JwtAuthGuard } from 'src/common/guards/jwt-auth.guard';
import { PermissionsGuard } from 'src/common/guards/permissions.guard';
import { buildLoggerOptions } from 'src/common/logging/logger.options';
import { RedisModule } from 'src/common/redis/redis.module';
import {
  clientIpOf,
  RawRequest,
  REQUEST_ID_KEY,
  REQUEST_IP_KEY,
  REQUEST_USER_AGENT_KEY,
} from 'src/common/request-context/request-context';
import { AppThrottlerGuard } from 'src/common/throttling/app-throttler.guard';
import { ThrottlingModule } from 'src/common/throttling/throttling.module';
import { createValidationPipe } from 'src/common/validation/validation';
import { DatabaseModule } from 'src/database/database.module';
import { AuditModule } from 'src/modules/audit/audit.module';
import { AuthModule } from 'src/modules/auth/auth.module';
import { HealthModule } from 'src/modules/health/health.module';
import { OnboardingModule } from 'src/modules/onboarding/onboarding.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { UsersModule } from 'src/modules/users/users.module';
import { QueueModule } from 'src/queue/queue.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, load: CONFIG_NAMESPACES, validate: validateEnv }),
    LoggerModule.forRootAsync({ inject: [appConfig.KEY], useFactory: (app: ConfigType<typeof appConfig>) => buildLoggerOptions(app) }),
    ClsModule.forRootAsync({
      global: true,
      inject: [appConfig.KEY],
      // Middleware, not the interceptor: any interceptor makes Nest wrap every handler in rxjs and
      // AsyncResource.bind, which on Node 20 cost a tenth of a request's CPU. (A guard cannot open the
      // context: its enterWith does not reach the handler.)
      useFactory: (app: ConfigType<typeof appConfig>) => ({
        middleware: {
          mount: true,
          initializePlugins: false,
          resolveProxyProviders: false,
          setup: (cls: ClsService, req: RawRequest) => {
            cls.set(REQUEST_ID_KEY, String(req.id));
            cls.set(REQUEST_IP_KEY, clientIpOf(req, app.trustProxy));
            cls.set(REQUEST_USER_AGENT_KEY, req.headers['user-agent']);
          },
        },
      }),
    }),
    RedisModule,
    DatabaseModule,
    QueueModule,
    ThrottlingModule,
    AuditModule,
    OrganizationsModule,
    UsersModule,
    AuthModule,
    OnboardingModule,
    HealthModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    // Order matters: identify the caller, then spend their organization's budget, then check permissions.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: AppThrottlerGuard },
    { provide: APP_GUARD, useClass: PermissionsGuard },
  ],
})
export class AppModule {}
