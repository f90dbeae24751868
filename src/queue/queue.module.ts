import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue.constants';
import { QueueService } from './queue.service';
import { WorkerRunner } from './worker-runner';

@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [RedisConnectionFactory],
      useFactory: (redis: RedisConnectionFactory) => ({
        // BullMQ must not use ioredis' keyPrefix; its own `prefix` namespaces the queues instead.
        connection: redis.create('bullmq', { maxRetriesPerRequest: null }),
        prefix: redis.key('bull'),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
      extraOptions: { manualRegistration: true },
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [QueueService, WorkerRunner],
  exports: [QueueService, BullModule],
})
export class QueueModule {}
