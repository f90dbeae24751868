import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { DomainEvent, SecretaryAvailabilityChangedEvent } from 'src/common/events/domain-events';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { AssignmentErrorCode, AssignmentException } from '../assignment.exceptions';
import { SecretaryDirectory } from '../secretary-directory';
import { AvailabilityResponseDto, UpdateAvailabilityDto } from './dto/availability.dto';
import { SecretaryAvailabilityEntity } from './secretary-availability.entity';
import { withinWorkingHours } from './working-hours';

/** A secretary the engine may give an item to right now. */
export interface EligibleSecretary {
  userId: string;
  lastAssignedAt: Date | null;
}

/** Secretaries' availability switch and working hours; who is eligible for new items now. */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectRepository(SecretaryAvailabilityEntity) private readonly rows: Repository<SecretaryAvailabilityEntity>,
    private readonly directory: SecretaryDirectory,
    private readonly organizations: OrganizationsService,
    private readonly events: EventEmitter2,
  ) {}

  get(actor: AuthUser, userId: string): Promise<AvailabilityResponseDto> {
    return this.describe(actor.organizationId, userId, true);
  }

  async set(actor: AuthUser, userId: string, dto: UpdateAvailabilityDto): Promise<AvailabilityResponseDto> {
    await this.assertSecretary(actor.organizationId, userId);
    const organizationId = actor.organizationId;
    const current = await this.rows.findOneBy({ organizationId, userId });
    const workingHours = dto.working_hours === undefined ? (current?.workingHours ?? null) : dto.working_hours;
    await this.rows.upsert({ organizationId, userId, available: dto.available, workingHours }, { conflictPaths: ['organizationId', 'userId'] });
    // The upsert has autocommitted: the engine may look for work for her at once.
    const event: SecretaryAvailabilityChangedEvent = { organizationId, userId };
    this.events.emit(DomainEvent.SecretaryAvailabilityChanged, event);
    return this.describe(organizationId, userId, false);
  }

  /** Active secretaries marked available and inside their working hours at `at`. */
  async eligible(organizationId: string, at: Date): Promise<EligibleSecretary[]> {
    const rows = await this.rows.find({ where: { organizationId, available: true } });
    if (rows.length === 0) return [];
    const { timezone } = await this.organizations.getMessagingSettings(organizationId);
    const checks = await Promise.all(
      rows.map(async (row) =>
        withinWorkingHours(row.workingHours, timezone, at) && (await this.directory.isActiveSecretary(organizationId, row.userId)) ? row : null,
      ),
    );
    return checks.filter((row): row is SecretaryAvailabilityEntity => row !== null).map((row) => ({ userId: row.userId, lastAssignedAt: row.lastAssignedAt }));
  }

  /** Round robin's memory: she is now the one who got an item most recently. */
  async markAssigned(organizationId: string, userId: string): Promise<Date> {
    const rows: { last_assigned_at: Date }[] = await this.rows.query(
      `UPDATE secretary_availability SET last_assigned_at = clock_timestamp() WHERE organization_id = $1 AND user_id = $2 RETURNING last_assigned_at`,
      [organizationId, userId],
    );
    return rows[0]?.last_assigned_at ?? new Date();
  }

  /** Organizations with someone marked available: the only ones the periodic sweep needs to visit. */
  async organizationsWithAvailableSecretaries(): Promise<string[]> {
    const rows: { organization_id: string }[] = await this.rows.query(`SELECT DISTINCT organization_id FROM secretary_availability WHERE available`);
    return rows.map((row) => row.organization_id);
  }

  private async describe(organizationId: string, userId: string, mustExist: boolean): Promise<AvailabilityResponseDto> {
    if (mustExist && !(await this.directory.find(organizationId, userId))) throw userNotFound();
    const [row, settings] = await Promise.all([this.rows.findOneBy({ organizationId, userId }), this.organizations.getMessagingSettings(organizationId)]);
    const within = withinWorkingHours(row?.workingHours ?? null, settings.timezone, new Date());
    const eligible = Boolean(row?.available) && within && (await this.directory.isActiveSecretary(organizationId, userId));
    return AvailabilityResponseDto.from(userId, row, { timezone: settings.timezone, withinWorkingHours: within, eligible });
  }

  private async assertSecretary(organizationId: string, userId: string): Promise<void> {
    const user = await this.directory.find(organizationId, userId);
    if (!user) throw userNotFound();
    if (user.role !== Role.Secretary) {
      throw new AssignmentException(AssignmentErrorCode.NotASecretary, 'Only secretaries take part in automatic assignment');
    }
  }
}

function userNotFound(): AssignmentException {
  return new AssignmentException(AssignmentErrorCode.UserNotFound, 'User not found');
}
