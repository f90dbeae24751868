import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ServerResponse } from 'node:http';
import { appConfig } from 'src/config/app.config';
import { clientIpOf, RawRequest } from './request-context';
import { RequestContextStore } from './request-context.store';

/**
 * Opens the request context for everything the request triggers. A plain middleware rather than
 * nestjs-cls: that module always registers a global interceptor, and any interceptor makes Nest wrap
 * every handler in rxjs and AsyncResource.bind, which on Node 20 cost about a tenth of a request's CPU.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware<RawRequest, ServerResponse> {
  constructor(@Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>) {}

  use(req: RawRequest, _res: ServerResponse, next: () => void): void {
    const userAgent = req.headers['user-agent'];
    RequestContextStore.run({ requestId: String(req.id), ip: clientIpOf(req, this.app.trustProxy), userAgent }, next);
  }
}
