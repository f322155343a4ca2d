import { describe, expect, it } from 'vitest';
import { roomOverview } from '../../../shared/inventory/room-overview.ts';
import { makeAudit, makeFinding, makeRoom } from '../shared/fixtures.ts';

const room = makeRoom({
  id: 'room-1',
  auditIntervalDays: 90,
  createdAt: '2025-01-10T08:00:00.000Z',
});

describe('room overview', () => {
  it('counts the due day from the last completed audit and flags it overdue after', () => {
    const audits = [
      makeAudit({ id: 'a1', completedAt: '2025-06-01T10:00:00.000Z' }),
      makeAudit({ id: 'a2', completedAt: '2025-09-01T10:00:00.000Z', status: 'signed' }),
      makeAudit({ id: 'other', roomIds: ['room-2'], completedAt: '2026-01-01T10:00:00.000Z' }),
    ];
    const onTime = roomOverview(room, audits, [], '2025-10-01');
    expect(onTime).toMatchObject({
      lastAudit: '2025-09-01',
      nextDue: '2025-11-30',
      daysLeft: 60,
      state: 'ok',
      neverAudited: false,
    });
    expect(roomOverview(room, audits, [], '2025-11-20').state).toBe('due_soon');
    expect(roomOverview(room, audits, [], '2025-11-30')).toMatchObject({
      state: 'due_soon',
      daysLeft: 0,
    });
    expect(roomOverview(room, audits, [], '2025-12-05')).toMatchObject({
      state: 'overdue',
      daysLeft: -5,
    });
  });

  it('dates a room never audited from when it was recorded, and notes an audit in progress', () => {
    const running = makeAudit({ id: 'run', status: 'in_progress', completedAt: null });
    const overview = roomOverview(room, [running], [], '2025-05-01');
    expect(overview).toMatchObject({
      lastAudit: null,
      neverAudited: true,
      nextDue: '2025-04-10',
      state: 'overdue',
    });
    expect(overview.inProgress?.id).toBe('run');
  });

  it('counts open findings by severity, once per recurring finding, ignoring closed ones', () => {
    const findings = [
      // Seen in a1, carried into a2 and still open there: one finding.
      makeFinding({
        id: 'f1',
        auditId: 'a1',
        itemId: 'D1',
        deviceId: 'd1',
        severity: 'high',
        firstSeenAuditId: 'a1',
        createdAt: '2025-06-01T00:00:00.000Z',
      }),
      makeFinding({
        id: 'f2',
        auditId: 'a2',
        itemId: 'D1',
        deviceId: 'd1',
        severity: 'high',
        firstSeenAuditId: 'a1',
        createdAt: '2025-09-01T00:00:00.000Z',
        status: 'in_remediation',
      }),
      // Open in a1, closed when a2 carried it forward: not counted.
      makeFinding({
        id: 'f3',
        auditId: 'a1',
        itemId: 'C1',
        deviceId: 'd2',
        severity: 'medium',
        firstSeenAuditId: 'a1',
        createdAt: '2025-06-01T00:00:00.000Z',
      }),
      makeFinding({
        id: 'f4',
        auditId: 'a2',
        itemId: 'C1',
        deviceId: 'd2',
        severity: 'medium',
        firstSeenAuditId: 'a1',
        createdAt: '2025-09-01T00:00:00.000Z',
        status: 'closed',
      }),
      makeFinding({ id: 'f5', itemId: null, severity: 'low' }),
      makeFinding({ id: 'f6', itemId: null, severity: 'low', status: 'risk_accepted' }),
      makeFinding({ id: 'f7', itemId: 'P1', roomId: 'room-2', severity: 'high' }),
    ];
    expect(roomOverview(room, [], findings, '2025-10-01').openFindings).toEqual({
      high: 1,
      medium: 0,
      low: 1,
    });
  });
});
