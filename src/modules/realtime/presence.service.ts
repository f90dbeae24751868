import { Injectable } from '@nestjs/common';
import { Socket } from 'socket.io';
import { AuthUser } from 'src/common/auth/auth-user';
import { RealtimePublisher } from './realtime-publisher';
import { PresenceStatus, RealtimeEvent, rooms } from './realtime.constants';

type PresenceUser = Pick<AuthUser, 'userId' | 'organizationId' | 'role'>;

interface PresenceSocketData {
  user?: PresenceUser;
  presence?: 'online' | 'away';
}

export interface PresencePayload {
  user_id: string;
  role: string;
  status: PresenceStatus;
}

/**
 * Online, away or offline, per user, derived from her open sockets on every API process (a person with two
 * tabs is online while one of them is), and announced to her organization only.
 */
@Injectable()
export class PresenceService {
  constructor(private readonly publisher: RealtimePublisher) {}

  async connected(socket: Socket): Promise<void> {
    const user = (socket.data as PresenceSocketData).user;
    if (!user) return;
    socket.emit(RealtimeEvent.PresenceSnapshot, await this.snapshot(user.organizationId));
    await this.changed(user);
  }

  disconnected(user: PresenceUser): Promise<void> {
    return this.changed(user);
  }

  async changed(user: PresenceUser): Promise<void> {
    const sockets = await this.publisher.socketsIn(rooms.user(user.organizationId, user.userId));
    const payload: PresencePayload = { user_id: user.userId, role: user.role, status: aggregate(sockets.map((s) => (s.data as PresenceSocketData).presence)) };
    this.publisher.emit([rooms.organization(user.organizationId)], RealtimeEvent.Presence, payload);
  }

  private async snapshot(organizationId: string): Promise<PresencePayload[]> {
    const byUser = new Map<string, { role: string; states: Array<'online' | 'away' | undefined> }>();
    for (const socket of await this.publisher.socketsIn(rooms.organization(organizationId))) {
      const data = socket.data as PresenceSocketData;
      if (!data.user) continue;
      const entry = byUser.get(data.user.userId) ?? { role: data.user.role, states: [] };
      entry.states.push(data.presence);
      byUser.set(data.user.userId, entry);
    }
    return [...byUser].map(([userId, entry]) => ({ user_id: userId, role: entry.role, status: aggregate(entry.states) }));
  }
}

function aggregate(states: Array<'online' | 'away' | undefined>): PresenceStatus {
  if (states.includes('online')) return PresenceStatus.Online;
  return states.length > 0 ? PresenceStatus.Away : PresenceStatus.Offline;
}
