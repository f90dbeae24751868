import { Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AfterCommit } from './after-commit';

/** Mimics TypeORM's Postgres query runner: nested starts are savepoints, and events follow each step. */
class FakeTransaction {
  isTransactionActive = false;
  private depth = 0;
  readonly queryRunner = this as unknown as QueryRunner;
  readonly manager = { queryRunner: this.queryRunner } as unknown as EntityManager;

  constructor(private readonly sut: AfterCommit) {}

  start(): void {
    this.isTransactionActive = true;
    this.depth += 1;
    this.sut.afterTransactionStart({ queryRunner: this.queryRunner } as never);
  }

  commit(): void {
    this.end();
    this.sut.afterTransactionCommit({ queryRunner: this.queryRunner } as never);
  }

  rollback(): void {
    this.end();
    this.sut.afterTransactionRollback({ queryRunner: this.queryRunner } as never);
  }

  private end(): void {
    this.depth -= 1;
    if (this.depth === 0) this.isTransactionActive = false;
  }
}

describe(AfterCommit.name, () => {
  let sut: AfterCommit;
  let dataSource: { subscribers: unknown[] };
  let transaction: FakeTransaction;
  let work: jest.Mock;

  beforeEach(() => {
    dataSource = { subscribers: [] };
    sut = new AfterCommit(dataSource as unknown as DataSource);
    transaction = new FakeTransaction(sut);
    work = jest.fn();
  });

  it('should subscribe to the data source’s transaction events', () => {
    expect(dataSource.subscribers).toEqual([sut]);
  });

  it('should run at once when no transaction is active', () => {
    sut.run({ queryRunner: undefined } as unknown as EntityManager, work);
    sut.run(transaction.manager, work);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('should wait for the commit, then run once', () => {
    transaction.start();
    sut.run(transaction.manager, work);
    expect(work).not.toHaveBeenCalled();
    transaction.commit();
    expect(work).toHaveBeenCalledTimes(1);
    transaction.start();
    transaction.commit();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('should never run after a rollback', () => {
    transaction.start();
    sut.run(transaction.manager, work);
    transaction.rollback();
    transaction.start();
    transaction.commit();
    expect(work).not.toHaveBeenCalled();
  });

  it('should wait past a released savepoint for the outermost commit', () => {
    transaction.start();
    transaction.start();
    sut.run(transaction.manager, work);
    transaction.commit();
    expect(work).not.toHaveBeenCalled();
    transaction.commit();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('should drop the work of a rolled-back savepoint but keep the outer transaction’s', () => {
    const outer = jest.fn();
    transaction.start();
    sut.run(transaction.manager, outer);
    transaction.start();
    sut.run(transaction.manager, work);
    transaction.rollback();
    transaction.commit();
    expect(work).not.toHaveBeenCalled();
    expect(outer).toHaveBeenCalledTimes(1);
  });

  it('should keep the caller’s commit successful when the work throws, and still run the rest', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const after = jest.fn();
    transaction.start();
    sut.run(transaction.manager, () => {
      throw new Error('listener failed');
    });
    sut.run(transaction.manager, after);
    expect(() => transaction.commit()).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), 'after-commit work failed');
    logged.mockRestore();
  });

  it('should treat a transaction started before it subscribed as one level deep', () => {
    const untracked = { isTransactionActive: true };
    const manager = { queryRunner: untracked } as unknown as EntityManager;
    sut.run(manager, work);
    untracked.isTransactionActive = false;
    sut.afterTransactionCommit({ queryRunner: untracked } as never);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
