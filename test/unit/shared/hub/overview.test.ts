import { describe, expect, it } from 'vitest';
import { ageBucket, buildOverview } from '../../../../shared/hub/overview.ts';
import type { Site } from '../../../../shared/domain/schemas.ts';
import type { AuditSnapshot } from '../../../../shared/snapshot/schema.ts';
import { makeAudit, makeFinding, makeRoom } from '../domain/fixtures.ts';

// The manager's overview, computed from received audit records: schedules, open findings by
// severity and age (the latest audit of each room only), recurring findings, and completed
// audits without a countersigned report; filtered by site.

const site = (id: string, name: string): Site => ({
  id,
  name,
  organisation: '',
  notes: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const record = (audit: ReturnType<typeof makeAudit>, findings: ReturnType<typeof makeFinding>[]) =>
  ({
    snapshot: { audit, findings, site: site(audit.siteId, ''), createdAt: audit.completedAt },
  }) as unknown as {
    snapshot: AuditSnapshot;
  };

const sites = [site('s1', 'Beijing HQ'), site('s2', 'Shanghai')];
const rooms = [
  makeRoom({ id: 'r1', siteId: 's1', name: 'Vault', auditIntervalDays: 90 }),
  makeRoom({ id: 'r2', siteId: 's1', name: 'Server room', auditIntervalDays: 30 }),
  makeRoom({ id: 'r3', siteId: 's2', name: 'Archive', auditIntervalDays: 90 }),
];
const first = makeAudit({
  id: 'a1',
  siteId: 's1',
  roomIds: ['r1'],
  title: 'Vault Q1',
  completedAt: '2026-01-10T09:00:00.000Z',
});
const followUp = makeAudit({
  id: 'a2',
  siteId: 's1',
  roomIds: ['r1'],
  title: 'Vault Q2',
  startedAt: '2026-04-01T09:00:00.000Z',
  completedAt: '2026-04-01T10:00:00.000Z',
});
const server = makeAudit({
  id: 'a3',
  siteId: 's1',
  roomIds: ['r2'],
  title: 'Server room Q1',
  completedAt: '2026-02-01T10:00:00.000Z',
});
const old = makeFinding({
  id: 'f1',
  auditId: 'a1',
  roomId: 'r1',
  firstSeenAt: '2026-01-10T09:00:00.000Z',
});
const carried = makeFinding({
  id: 'f2',
  auditId: 'a2',
  roomId: 'r1',
  lineageId: 'f1',
  firstSeenAuditId: 'a1',
  firstSeenAt: '2026-01-10T09:00:00.000Z',
  seenIn: [
    { auditId: 'a1', at: '2026-01-10T09:00:00.000Z' },
    { auditId: 'a2', at: '2026-04-01T10:00:00.000Z' },
  ],
});
const fresh = makeFinding({
  id: 'f3',
  auditId: 'a2',
  roomId: 'r1',
  severity: 'low',
  firstSeenAuditId: 'a2',
  firstSeenAt: '2026-04-01T10:00:00.000Z',
});
const closed = makeFinding({ id: 'f4', auditId: 'a3', roomId: 'r2', status: 'closed' });
const records = [
  record(first, [old]),
  record(followUp, [carried, fresh]),
  record(server, [closed]),
];

describe("the manager's overview", () => {
  const overview = buildOverview({
    sites,
    rooms,
    records,
    countersigned: new Set(['a1']),
    today: '2026-05-01',
    siteId: null,
  });

  it('gives each room its last audit, next due day and status', () => {
    expect(
      overview.rooms.map((r) => [r.siteName, r.roomName, r.lastAuditDate, r.nextDue, r.status]),
    ).toEqual([
      ['Beijing HQ', 'Server room', '2026-02-01', '2026-03-03', 'overdue'],
      ['Beijing HQ', 'Vault', '2026-04-01', '2026-06-30', 'ok'],
      ['Shanghai', 'Archive', null, null, 'never_audited'],
    ]);
    expect(overview.overdue).toBe(1);
    expect(overview.neverAudited).toBe(1);
  });

  it("counts open findings of each room's latest audit once, by severity and age", () => {
    expect(overview.rooms[1]!.open).toEqual({ high: 1, medium: 0, low: 1 });
    expect(overview.openBySeverityAndAge.high).toEqual({
      under30: 0,
      from30: 0,
      from90: 1,
      from180: 0,
    });
    expect(overview.openBySeverityAndAge.low).toEqual({
      under30: 0,
      from30: 1,
      from90: 0,
      from180: 0,
    });
    expect(ageBucket(29)).toBe('under30');
    expect(ageBucket(180)).toBe('from180');
  });

  it('lists findings seen in more than one audit as recurring', () => {
    expect(overview.recurring).toEqual([
      expect.objectContaining({
        lineageId: 'f1',
        sightings: 2,
        roomName: 'Vault',
        firstSeen: '2026-01-10',
      }),
    ]);
  });

  it('lists completed audits without a countersigned report, oldest first', () => {
    expect(overview.awaitingCountersignature.map((a) => a.auditId)).toEqual(['a3', 'a2']);
  });

  it('filters by site', () => {
    const only = buildOverview({
      sites,
      rooms,
      records,
      countersigned: new Set(),
      today: '2026-05-01',
      siteId: 's2',
    });
    expect(only.rooms.map((r) => r.roomName)).toEqual(['Archive']);
    expect(only.awaitingCountersignature).toEqual([]);
    expect(only.recurring).toEqual([]);
  });
});
