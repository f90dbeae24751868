import { AuthUser } from 'src/common/auth/auth-user';
import { hasPermission, Permission } from 'src/common/auth/permissions';

export const REALTIME_NAMESPACE = '/realtime';

/** Events the server sends to dashboard sockets. */
export enum RealtimeEvent {
  MessageCreated = 'message.created',
  ConversationUpdated = 'conversation.updated',
  LeadCreated = 'lead.created',
  LeadUpdated = 'lead.updated',
  NotificationCreated = 'notification.created',
  Presence = 'presence',
  /** Sent once to a socket after it connects: who of the organization is online or away right now. */
  PresenceSnapshot = 'presence.snapshot',
}

export enum PresenceStatus {
  Online = 'online',
  Away = 'away',
  Offline = 'offline',
}

/** At most one `conversation.updated` per conversation per window, carrying the state at its end. */
export const CONVERSATION_UPDATE_WINDOW_MS = 1_000;

/**
 * Room names. Every room embeds the organization, so an emit can never reach another clinic's sockets.
 * `…:all` rooms hold users who see every conversation (or lead) of the clinic; `…:queue` rooms hold those
 * who see only their own and the unassigned ones (secretaries).
 */
export const rooms = {
  organization: (organizationId: string): string => `org:${organizationId}`,
  user: (organizationId: string, userId: string): string => `org:${organizationId}:user:${userId}`,
  conversationsAll: (organizationId: string): string => `org:${organizationId}:conversations:all`,
  conversationsQueue: (organizationId: string): string => `org:${organizationId}:conversations:queue`,
  leadsAll: (organizationId: string): string => `org:${organizationId}:leads:all`,
  leadsQueue: (organizationId: string): string => `org:${organizationId}:leads:queue`,
};

/** The rooms a freshly authenticated socket joins, from the permissions of the user's current role. */
export function roomsFor(user: Pick<AuthUser, 'organizationId' | 'userId' | 'role'>): string[] {
  const { organizationId, userId, role } = user;
  const joined = [rooms.organization(organizationId), rooms.user(organizationId, userId)];
  if (hasPermission(role, Permission.ConversationsRead)) {
    joined.push(hasPermission(role, Permission.ConversationsReadAll) ? rooms.conversationsAll(organizationId) : rooms.conversationsQueue(organizationId));
  }
  if (hasPermission(role, Permission.LeadsRead)) {
    joined.push(hasPermission(role, Permission.LeadsReadAll) ? rooms.leadsAll(organizationId) : rooms.leadsQueue(organizationId));
  }
  return joined;
}

/**
 * Who may see an assignable item right now: the "see all" room, plus its assignee, or the queue room when it
 * is unassigned. Mirrors `visibleTo` (assigned to me or unassigned), so a secretary never hears of a colleague's item.
 */
export function audienceOf(kind: 'conversations' | 'leads', item: { organizationId: string; assignedToId: string | null }): string[] {
  const { organizationId, assignedToId } = item;
  const all = kind === 'conversations' ? rooms.conversationsAll(organizationId) : rooms.leadsAll(organizationId);
  if (assignedToId) return [all, rooms.user(organizationId, assignedToId)];
  return [all, kind === 'conversations' ? rooms.conversationsQueue(organizationId) : rooms.leadsQueue(organizationId)];
}
