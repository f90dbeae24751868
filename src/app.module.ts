import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { appConfig, CONFIG_NAMESPACES, validateEnv } from 'src/config';
import { AllExceptionsFilter } from 'src/common/filters/all-exceptions.filter';
import { JwtAuthGuard } from 'src/common/guards/jwt-auth.guard';
import { PermissionsGuard } from 'src/common/guards/permissions.guard';
import { buildLoggerOptions } from 'src/common/logging/logger.options';
import { RedisModule } from 'src/common/redis/redis.module';
import { RequestContextMiddleware } from 'src/common/request-context/request-context.middleware';
import { AppThrottlerGuard } from 'src/common/throttling/app-throttler.guard';
import { ThrottlingModule } from 'src/common/throttling/throttling.module';
import { createValidationPipe } from 'src/common/validation/validation';
import { DatabaseModule } from 'src/database/database.module';
import { CryptoModule } from 'src/common/crypto/crypto.module';
import { AiModule } from 'src/modules/ai/ai.module';
import { AlertsModule } from 'src/modules/alerts/alerts.module';
import { AssignmentModule } from 'src/modules/assignment/assignment.module';
import { AuditModule } from 'src/modules/audit/audit.module';
import { ContactsModule } from 'src/modules/contacts/contacts.module';
import { KnowledgeModule } from 'src/modules/knowledge/knowledge.module';
import { ConversationsModule } from 'src/modules/conversations/conversations.module';
import { LeadsModule } from 'src/modules/leads/leads.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { RealtimeModule } from 'src/modules/realtime/realtime.module';
import { QueueAdminModule } from 'src/modules/queue-admin/queue-admin.module';
import { TagsModule } from 'src/modules/tags/tags.module';
import { TemplatesModule } from 'src/modules/templates/templates.module';
import { ReportsModule } from 'src/modules/reports/reports.module';
import { WahaModule } from 'src/modules/waha/waha.module';
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
    EventEmitterModule.forRoot(),
    RedisModule,
    CryptoModule,
    DatabaseModule,
    QueueModule,
    ThrottlingModule,
    AuditModule,
    OrganizationsModule,
    UsersModule,
    AuthModule,
    OnboardingModule,
    HealthModule,
    AlertsModule,
    WahaModule,
    ContactsModule,
    KnowledgeModule,
    TagsModule,
    TemplatesModule,
    ConversationsModule,
    LeadsModule,
    QueueAdminModule,
    AiModule,
    AssignmentModule,
    ReportsModule,
    NotificationsModule,
    RealtimeModule,
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
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
