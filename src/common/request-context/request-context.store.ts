import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is asking, for the audit trail, session records and job metadata. Never the tenant (that is explicit). */
export interface RequestContext {
  requestId: string;
  ip?: string;
  userAgent?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const RequestContextStore = {
  run<T>(context: RequestContext, work: () => T): T {
    return storage.run(context, work);
  },

  /** The current request's context; undefined outside a request (jobs, scripts). */
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};
