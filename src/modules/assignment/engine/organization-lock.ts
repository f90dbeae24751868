import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** First key of the two-key advisory lock ("ASNG"), so these locks never collide with another feature's. */
const LOCK_NAMESPACE = 0x41534e47;
const ATTEMPTS = 200;
const PAUSE_MS = { min: 20, max: 80 };

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, PAUSE_MS.min + Math.random() * (PAUSE_MS.max - PAUSE_MS.min)));

/**
 * One assignment run per organization at a time, across every worker process: a PostgreSQL session
 * advisory lock. It is tried, never waited on with a connection held: a waiter holding a pooled
 * connection could starve the holder, which needs more connections to assign.
 */
@Injectable()
export class OrganizationLock {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` under the organization's lock; null when the lock stayed busy for every attempt. */
  async run<T>(organizationId: string, work: () => Promise<T>): Promise<{ value: T } | null> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        const [{ locked }]: { locked: boolean }[] = await runner.query(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [LOCK_NAMESPACE, organizationId]);
        if (locked) {
          try {
            return { value: await work() };
          } finally {
            await runner.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [LOCK_NAMESPACE, organizationId]);
          }
        }
      } finally {
        await runner.release();
      }
      await pause();
    }
    return null;
  }
}
