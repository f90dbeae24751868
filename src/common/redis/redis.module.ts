import { Global, Module } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisConnectionFactory } from './redis-connection.factory';

/** Shared client for throttling, caches and short-lived auth state (not for BullMQ, which gets its own). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

@Global()
@Module({
  providers: [
    RedisConnectionFactory,
    {
      provide: REDIS_CLIENT,
      inject: [RedisConnectionFactory],
      useFactory: (factory: RedisConnectionFactory): Redis => factory.create('app'),
    },
  ],
  exports: [RedisConnectionFactory, REDIS_CLIENT],
})
export class RedisModule {}
