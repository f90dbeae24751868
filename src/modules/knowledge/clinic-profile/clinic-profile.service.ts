import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { diffChanges } from 'src/modules/audit/diff-changes';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { isOpenAt, nextOpening } from '../business-hours/business-hours';
import { KnowledgeChanges } from '../knowledge-changes.service';
import { ClinicProfileEntity, ClinicService } from './clinic-profile.entity';
import { ClinicProfile } from './clinic-profile.types';
import { ClinicProfileResponseDto } from './dto/clinic-profile-response.dto';
import { UpdateClinicProfileDto } from './dto/clinic-profile-input.dto';

type ProfileFields = Pick<ClinicProfileEntity, 'name' | 'address' | 'phone' | 'email' | 'businessHours' | 'acceptedInsurances' | 'services'>;

@Injectable()
export class ClinicProfileService {
  constructor(
    @InjectRepository(ClinicProfileEntity) private readonly profiles: Repository<ClinicProfileEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly changes: KnowledgeChanges,
  ) {}

  /** The profile with the organization's name, time zone and locale filled in (an empty one before it is saved). */
  async getProfile(organizationId: string): Promise<ClinicProfile> {
    const [organization, row] = await Promise.all([this.organizations.findOne(organizationId), this.profiles.findOneBy({ organizationId })]);
    const hours = row?.businessHours ?? {};
    return {
      organizationId,
      name: row?.name ?? organization.name,
      address: row?.address ?? null,
      phone: row?.phone ?? null,
      email: row?.email ?? null,
      timezone: organization.timezone,
      locale: organization.locale,
      businessHours: { timezone: organization.timezone, weekly: hours.weekly ?? [], exceptions: hours.exceptions ?? [], holidays: hours.holidays ?? [] },
      acceptedInsurances: row?.acceptedInsurances ?? [],
      services: row?.services ?? [],
      knowledgeVersion: row?.knowledgeVersion ?? 0,
      updatedAt: row?.name ? row.updatedAt : null,
    };
  }

  /** The counter caches key on; 0 before anything was ever written. */
  async getKnowledgeVersion(organizationId: string): Promise<number> {
    const row = await this.profiles.findOne({ where: { organizationId }, select: { id: true, knowledgeVersion: true } });
    return row?.knowledgeVersion ?? 0;
  }

  async get(actor: AuthUser): Promise<ClinicProfileResponseDto> {
    return toResponse(await this.getProfile(actor.organizationId));
  }

  /** Replaces the profile. Nothing changed → no audit entry, no version bump, no event. */
  async replace(actor: AuthUser, dto: UpdateClinicProfileDto): Promise<ClinicProfileResponseDto> {
    const organizationId = actor.organizationId;
    const current = await this.getProfile(organizationId);
    const timezoneChanged = dto.timezone !== undefined && dto.timezone !== current.timezone;
    // The time zone is the organization's setting: its own service changes (and audits) it.
    if (timezoneChanged) await this.organizations.updateMine(actor, { timezone: dto.timezone });
    const changed = await this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO clinic_profiles (organization_id) VALUES ($1) ON CONFLICT (organization_id) DO NOTHING`, [organizationId]);
      const repository = manager.getRepository(ClinicProfileEntity);
      const row = await repository.findOneOrFail({ where: { organizationId }, lock: { mode: 'pessimistic_write' } });
      const next = fieldsOf(dto);
      const changes = diffChanges(auditedFields(row), auditedFields(next));
      if (Object.keys(changes).length === 0 && !timezoneChanged) return false;
      if (Object.keys(changes).length > 0) {
        await repository.save(Object.assign(row, next));
        await this.audit.record(
          { organizationId, actor, action: AuditAction.ClinicProfileUpdated, entityType: AuditEntityType.ClinicProfile, entityId: row.id, changes },
          manager,
        );
      }
      await this.changes.bump(manager, organizationId);
      return true;
    });
    if (changed) this.changes.announce(organizationId);
    return toResponse(await this.getProfile(organizationId));
  }
}

function fieldsOf(dto: UpdateClinicProfileDto): ProfileFields {
  return {
    name: dto.name,
    address: dto.address ?? null,
    phone: dto.phone ?? null,
    email: dto.email ?? null,
    businessHours: {
      weekly: [...dto.business_hours.weekly]
        .sort((a, b) => a.weekday - b.weekday)
        .map((day) => ({ weekday: day.weekday, intervals: sortIntervals(day.intervals) })),
      exceptions: [...(dto.business_hours.exceptions ?? [])]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((exception) => ({ date: exception.date, intervals: sortIntervals(exception.intervals), reason: exception.reason ?? null })),
      holidays: [...(dto.business_hours.holidays ?? [])].sort((a, b) => a.date.localeCompare(b.date)).map((holiday) => ({ date: holiday.date, name: holiday.name })),
    },
    acceptedInsurances: dto.accepted_insurances ?? [],
    services: (dto.services ?? []).map(
      (service): ClinicService => ({
        name: service.name,
        description: service.description ?? null,
        priceCents: service.price_cents ?? null,
        durationMinutes: service.duration_minutes ?? null,
      }),
    ),
  };
}

function sortIntervals<T extends { start: string; end: string }>(intervals: T[]): { start: string; end: string }[] {
  return [...intervals].sort((a, b) => a.start.localeCompare(b.start)).map((interval) => ({ start: interval.start, end: interval.end }));
}

/** Keys sorted at every level: jsonb hands objects back in its own key order, which must not read as a change. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
}

function auditedFields(fields: ProfileFields): Record<string, unknown> {
  return {
    name: fields.name,
    address: fields.address,
    phone: fields.phone,
    email: fields.email,
    business_hours: canonical(fields.businessHours),
    accepted_insurances: fields.acceptedInsurances,
    services: canonical(fields.services),
  };
}

function toResponse(profile: ClinicProfile, now = new Date()): ClinicProfileResponseDto {
  const opening = nextOpening(profile.businessHours, now);
  return {
    name: profile.name,
    address: profile.address,
    phone: profile.phone,
    email: profile.email,
    timezone: profile.timezone,
    business_hours: {
      weekly: profile.businessHours.weekly,
      exceptions: profile.businessHours.exceptions.map((exception) => ({ ...exception, reason: exception.reason ?? null })),
      holidays: profile.businessHours.holidays,
    },
    accepted_insurances: profile.acceptedInsurances,
    services: profile.services.map((service) => ({
      name: service.name,
      description: service.description,
      price_cents: service.priceCents,
      duration_minutes: service.durationMinutes,
    })),
    open_now: isOpenAt(profile.businessHours, now),
    next_opening_at: opening?.toISOString() ?? null,
    knowledge_version: profile.knowledgeVersion,
    updated_at: profile.updatedAt?.toISOString() ?? null,
  };
}
