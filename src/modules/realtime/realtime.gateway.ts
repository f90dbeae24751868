import { HttpStatus, Inject, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import cors from 'cors';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { Namespace, Socket } from 'socket.io';
import { AuthUser } from 'src/common/auth/auth-user';
import { AppException } from 'src/common/exceptions/app.exception';
import { appConfig } from 'src/config/app.config';
import { PresenceService } from './presence.service';
import { RealtimePublisher } from './realtime-publisher';
import { REALTIME_NAMESPACE, roomsFor } from './realtime.constants';
import { SocketAuthService } from './socket-auth.service';

/** What a socket carries once authenticated (socket.data, also visible to other processes via fetchSockets). */
export interface RealtimeSocketData {
  user: Pick<AuthUser, 'userId' | 'organizationId' | 'role' | 'tokenExpiresAt'>;
  presence: 'online' | 'away';
}

type RealtimeSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, RealtimeSocketData>;

interface SocketTimers {
  expiry: NodeJS.Timeout;
  recheck: NodeJS.Timeout;
}

/**
 * The dashboard's live feed: `io(<api>/realtime, { auth: { token: <access JWT> } })`. Refused tokens never
 * connect (the client gets `connect_error` with the API's error code). Only API processes run it.
 */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE, serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(RealtimeGateway.name);
  private readonly timers = new Map<string, SocketTimers>();

  constructor(
    // A connected socket's token is checked again this often, so a logout, a deactivated user or a suspended clinic
    // also ends the live feed within it (the token's own expiry ends it on time anyway).
    @Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>,
    private readonly auth: SocketAuthService,
    private readonly publisher: RealtimePublisher,
    private readonly presence: PresenceService,
  ) {}

  afterInit(namespace: Namespace): void {
    this.publisher.attach(namespace);
    // socket.io answers its own HTTP requests (long-polling, the client's first transport), outside Fastify's CORS:
    // the dashboard's origins must be allowed here too, the same list as the API's.
    namespace.server.engine.use(cors({ origin: this.config.corsOrigins, credentials: true }));
    // Middleware runs before the connection is accepted, so a bad token is refused rather than dropped later.
    namespace.use((socket, next) => {
      this.auth.authenticate((socket.handshake.auth as { token?: unknown } | undefined)?.token).then(
        (user) => {
          const data: RealtimeSocketData = {
            user: { userId: user.userId, organizationId: user.organizationId, role: user.role, tokenExpiresAt: user.tokenExpiresAt },
            presence: 'online',
          };
          socket.data = data;
          next();
        },
        (error: unknown) => next(connectionRefused(error)),
      );
    });
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    const { user } = socket.data;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    await socket.join(roomsFor(user));
    // An access token lives minutes; the socket must not outlive it (the client reconnects with a fresh one).
    const remainingMs = Math.max(0, user.tokenExpiresAt * 1000 - Date.now());
    this.timers.set(socket.id, {
      expiry: setTimeout(() => socket.disconnect(true), remainingMs),
      recheck: setInterval(() => void this.recheck(socket), this.config.realtimeTokenRecheckMs),
    });
    await this.presence.connected(socket);
  }

  /** The handshake's token, checked again like any API request (revocation, user and organization state). */
  private async recheck(socket: RealtimeSocket): Promise<void> {
    try {
      await this.auth.authenticate((socket.handshake.auth as { token?: unknown } | undefined)?.token);
    } catch (error) {
      // Redis or the database briefly unreachable (503) is not a revocation: only a refusal of the token ends the feed.
      if (!(error instanceof AppException) || error.getStatus() === HttpStatus.SERVICE_UNAVAILABLE) return;
      this.logger.log({ userId: socket.data.user?.userId }, 'socket token no longer accepted; disconnecting');
      socket.disconnect(true);
    }
  }

  async handleDisconnect(socket: RealtimeSocket): Promise<void> {
    const timers = this.timers.get(socket.id);
    clearTimeout(timers?.expiry);
    clearInterval(timers?.recheck);
    this.timers.delete(socket.id);
    if (socket.data?.user) await this.presence.disconnected(socket.data.user);
  }

  /** The client says the person stepped away or came back: `socket.emit('presence', { status: 'away' })`. */
  @SubscribeMessage('presence')
  async setPresence(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<{ ok: boolean }> {
    const status = (body as { status?: unknown } | null)?.status;
    if (!socket.data?.user || (status !== 'away' && status !== 'online')) return { ok: false };
    socket.data.presence = status;
    await this.presence.changed(socket.data.user);
    return { ok: true };
  }
}

function connectionRefused(error: unknown): Error {
  const refused = new Error(error instanceof AppException ? error.message : 'Connection refused') as Error & { data?: unknown };
  refused.data = { code: error instanceof AppException ? error.code : 'INTERNAL_ERROR' };
  if (!(error instanceof AppException)) new Logger(RealtimeGateway.name).warn({ err: error instanceof Error ? error.message : error }, 'socket authentication failed');
  return refused;
}
