import { INestApplicationContext } from '@nestjs/common';
import { WorkerRunner } from 'src/queue/worker-runner';
import { shutDownGracefully } from './app.setup';

describe('shutDownGracefully', () => {
  it('should close HTTP first, then the queue workers, then the rest (database, Redis)', async () => {
    const order: string[] = [];
    const runner = { stop: jest.fn(async () => void order.push('queues')) };
    const app = {
      get: (token: unknown) => (token === WorkerRunner ? runner : undefined),
      close: jest.fn(async () => void order.push('database and redis')),
    } as unknown as INestApplicationContext;
    await shutDownGracefully(app, { close: async () => void order.push('http') });
    expect(order).toEqual(['http', 'queues', 'database and redis']);
  });

  it('should skip HTTP in a worker process', async () => {
    const order: string[] = [];
    const app = {
      get: () => ({ stop: async () => void order.push('queues') }),
      close: async () => void order.push('rest'),
    } as unknown as INestApplicationContext;
    await shutDownGracefully(app, null);
    expect(order).toEqual(['queues', 'rest']);
  });
});
