import { Role } from 'src/common/auth/role.enum';
import { audienceOf, rooms, roomsFor } from './realtime.constants';

const org = 'org-1';

describe('roomsFor', () => {
  it('should put a secretary in the queue rooms, never the see-all rooms', () => {
    expect(roomsFor({ organizationId: org, userId: 'u1', role: Role.Secretary })).toEqual([
      rooms.organization(org),
      rooms.user(org, 'u1'),
      rooms.conversationsQueue(org),
      rooms.leadsQueue(org),
    ]);
  });

  it('should put an admin in the see-all rooms', () => {
    expect(roomsFor({ organizationId: org, userId: 'a1', role: Role.Admin })).toEqual(
      expect.arrayContaining([rooms.conversationsAll(org), rooms.leadsAll(org)]),
    );
  });

  it('should give a super admin no conversation or lead room', () => {
    expect(roomsFor({ organizationId: org, userId: 's1', role: Role.SuperAdmin })).toEqual([rooms.organization(org), rooms.user(org, 's1')]);
  });
});

describe('audienceOf', () => {
  it('should send an assigned item to the see-all room and its assignee only', () => {
    expect(audienceOf('conversations', { organizationId: org, assignedToId: 'u1' })).toEqual([rooms.conversationsAll(org), rooms.user(org, 'u1')]);
  });

  it('should send an unassigned item to the see-all and queue rooms', () => {
    expect(audienceOf('leads', { organizationId: org, assignedToId: null })).toEqual([rooms.leadsAll(org), rooms.leadsQueue(org)]);
  });
});
