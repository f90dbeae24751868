import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent, TransactionStartEvent } from 'typeorm';

interface Pending {
  /** Transaction depth at registration: a rollback to a shallower savepoint discards it. */
  depth: number;
  run: () => void;
}

interface TransactionState {
  depth: number;
  pending: Pending[];
}

/**
 * Runs side effects (domain events) once the transaction that made them true has committed, whoever owns
 * that transaction: a caller may pass its own EntityManager, and a listener must never see a lead that a
 * rollback then erases. Without an active transaction the work runs at once (the write has autocommitted).
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface {
  private readonly logger = new Logger(AfterCommit.name);
  private readonly transactions = new WeakMap<QueryRunner, TransactionState>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    // TypeORM broadcasts transaction events to the data source's subscribers (the NestJS-documented way to add one).
    dataSource.subscribers.push(this);
  }

  run(manager: EntityManager, work: () => void): void {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) {
      this.safely(work);
      return;
    }
    // A transaction started before this subscriber existed has not been counted: it is at least one deep.
    const state = this.transactions.get(queryRunner) ?? { depth: 1, pending: [] };
    this.transactions.set(queryRunner, state);
    state.pending.push({ depth: state.depth, run: work });
  }

  afterTransactionStart(event: TransactionStartEvent): void {
    const state = this.transactions.get(event.queryRunner);
    if (state) state.depth += 1;
    else this.transactions.set(event.queryRunner, { depth: 1, pending: [] });
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const state = this.transactions.get(event.queryRunner);
    if (!state) return;
    state.depth -= 1;
    // Releasing a savepoint commits nothing yet: the work waits for the outermost COMMIT.
    if (event.queryRunner.isTransactionActive) return;
    this.transactions.delete(event.queryRunner);
    for (const pending of state.pending) this.safely(pending.run);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const state = this.transactions.get(event.queryRunner);
    if (!state) return;
    state.depth -= 1;
    if (!event.queryRunner.isTransactionActive) {
      this.transactions.delete(event.queryRunner);
      return;
    }
    state.pending = state.pending.filter((pending) => pending.depth <= state.depth);
  }

  // The data is committed by now: a failing listener must not make the caller believe the write failed.
  private safely(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.logger.error({ err: error }, 'after-commit work failed');
    }
  }
}
