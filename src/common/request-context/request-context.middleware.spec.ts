import { ServerResponse } from 'node:http';
import { RawRequest } from './request-context';
import { RequestContextMiddleware } from './request-context.middleware';
import { RequestContext, RequestContextStore } from './request-context.store';

function request(): RawRequest {
  return {
    id: 'req-42',
    headers: { 'user-agent': 'dashboard/1.0', 'x-forwarded-for': '203.0.113.7' },
    socket: { remoteAddress: '10.0.0.5' },
  } as unknown as RawRequest;
}

function contextSeenBy(trustProxy: boolean): RequestContext | undefined {
  let seen: RequestContext | undefined;
  new RequestContextMiddleware({ trustProxy } as never).use(request(), {} as ServerResponse, () => {
    seen = RequestContextStore.current();
  });
  return seen;
}

describe(RequestContextMiddleware.name, () => {
  it('should expose the request id, client address and user agent to everything the request runs', () => {
    expect(contextSeenBy(false)).toEqual({ requestId: 'req-42', ip: '10.0.0.5', userAgent: 'dashboard/1.0' });
  });

  it('should believe X-Forwarded-For only behind a trusted proxy', () => {
    expect(contextSeenBy(true)?.ip).toBe('203.0.113.7');
  });

  it('should leave no context outside the request', () => {
    contextSeenBy(false);
    expect(RequestContextStore.current()).toBeUndefined();
  });
});
