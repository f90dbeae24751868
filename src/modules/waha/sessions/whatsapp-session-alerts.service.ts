import { Injectable } from '@nestjs/common';
import { AlertSeverity, AlertType } from 'src/modules/alerts/alert.entity';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { WhatsappSessionEntity } from './whatsapp-session.entity';
import { sessionHealth } from './whatsapp-session.rules';

export const WAHA_UNREACHABLE_KEY = 'waha-unreachable';

export function sessionDownKey(sessionId: string): string {
  return `session-down:${sessionId}`;
}

type AlertedSession = Pick<WhatsappSessionEntity, 'id' | 'organizationId' | 'name' | 'displayName'>;

/**
 * The alerts about clinics' numbers. One open alert per session (`session-down:<id>`) whose severity and
 * title follow what is wrong right now (down, needs pairing, missing in WAHA); it closes once WORKING.
 */
@Injectable()
export class WhatsappSessionAlerts {
  constructor(
    private readonly alerts: AlertsService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Raises or resolves the session's alert for an observed status; STARTING leaves it as it is. */
  async reflectStatus(session: AlertedSession, status: string, extra: Record<string, unknown> = {}): Promise<void> {
    switch (sessionHealth(status)) {
      case 'working':
        await this.resolveSession(session);
        return;
      case 'down':
        await this.raiseSession(session, AlertSeverity.Critical, `WhatsApp number ${labelOf(session)} is down (${status})`, { status, ...extra });
        return;
      case 'needs-pairing':
        await this.raiseSession(session, AlertSeverity.Warning, `WhatsApp number ${labelOf(session)} needs pairing (${status})`, { status, ...extra });
        return;
      case 'transient':
        return;
    }
  }

  /** WAHA does not know a session we have: someone deleted it there, or WAHA lost its storage. */
  async missingInWaha(session: AlertedSession): Promise<void> {
    await this.raiseSession(session, AlertSeverity.Critical, `WhatsApp number ${labelOf(session)} is missing in WAHA`, {
      reason: 'missing_in_waha',
    });
  }

  async resolveSession(session: Pick<WhatsappSessionEntity, 'id' | 'organizationId'>): Promise<void> {
    await this.alerts.resolveByKey(session.organizationId, sessionDownKey(session.id));
  }

  /** One alert for the platform team, plus one for each clinic whose numbers are affected. */
  async wahaUnreachable(organizationIds: Iterable<string>, reason: string): Promise<void> {
    const alert = {
      type: AlertType.WahaUnreachable,
      severity: AlertSeverity.Critical,
      title: 'The WhatsApp gateway (WAHA) is not answering',
      dedupeKey: WAHA_UNREACHABLE_KEY,
      details: { reason },
    };
    const targets = new Set([await this.organizations.getPlatformOrganizationId(), ...organizationIds]);
    for (const organizationId of targets) await this.alerts.raise(organizationId, alert);
  }

  /** Closes the unreachable alerts of these clinics and, unless told otherwise, the platform's. */
  async wahaReachable(organizationIds: Iterable<string>, options: { includePlatform?: boolean } = {}): Promise<void> {
    const platform = options.includePlatform === false ? [] : [await this.organizations.getPlatformOrganizationId()];
    const targets = new Set([...platform, ...organizationIds]);
    for (const organizationId of targets) await this.alerts.resolveByKey(organizationId, WAHA_UNREACHABLE_KEY);
  }

  private async raiseSession(session: AlertedSession, severity: AlertSeverity, title: string, details: Record<string, unknown>): Promise<void> {
    await this.alerts.raise(session.organizationId, {
      type: AlertType.WhatsappSessionDown,
      severity,
      title,
      dedupeKey: sessionDownKey(session.id),
      details: { session_id: session.id, session_name: session.name, ...details },
    });
  }
}

function labelOf(session: AlertedSession): string {
  return session.displayName ? `"${session.displayName}" (${session.name})` : session.name;
}
