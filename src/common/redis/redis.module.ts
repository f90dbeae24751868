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
      // Commands issued in the same tick (concurrent requests' auth lookups and throttle counts) leave in
      // one socket write; a write costs more CPU here than the commands themselves.
      useFactory: (factory: RedisConnectionFactory): Redis => factory.create('app', { enableAutoPipelining: true }),
    },
  ],
  exports: [RedisConnectionFactory, REDIS_CLIENT],
})
export class RedisModule {}
