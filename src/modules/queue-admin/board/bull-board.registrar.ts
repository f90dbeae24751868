import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { IServerAdapter } from '@bull-board/api/typings/app';
import { FastifyAdapter } from '@bull-board/fastify';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { BOARD_ROUTE } from '../queue-admin.constants';
import { BoardAccessService } from './board-access.service';

/**
 * Serves Bull Board at /admin/queues as an encapsulated Fastify plugin whose `onRequest` hook admits super
 * admins only. Not @bull-board/nestjs: it mounts the board under the global prefix (/api/v1/admin/queues)
 * unless configureApp excludes the path, and its `middleware` option is Nest middleware, bound under that
 * prefix as well. Here the hook covers exactly the board's routes, and no other route sees it.
 */
@Injectable()
export class BullBoardRegistrar implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: QueueService,
    private readonly access: BoardAccessService,
  ) {}

  onModuleInit(): void {
    // The worker entry point is an application context without HTTP.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const serverAdapter = new FastifyAdapter().setBasePath(BOARD_ROUTE);
    createBullBoard({
      queues: Object.values(QueueName).map((name) => new BullMQAdapter(this.queues.queue(name))),
      // @bull-board/fastify 9.10.1 pins its own copy of @bull-board/api's types (9.10.1), which differ from
      // 9.10.2's only by private members; the adapter contract is the same.
      serverAdapter: serverAdapter as unknown as IServerAdapter,
      options: { uiConfig: { boardTitle: 'Robbot queues' } },
    });
    void fastify.register(async (board) => {
      board.addHook('onRequest', (request, reply) => this.access.authorize(request, reply));
      await board.register(serverAdapter.registerPlugin(), { prefix: BOARD_ROUTE });
    });
  }
}
