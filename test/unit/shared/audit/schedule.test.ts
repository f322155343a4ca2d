import { describe, expect, it } from 'vitest';
import {
  isOpenFinding,
  lastCompletedAudit,
  latestAudit,
  openFindingsBySeverity,
  roomOverview,
  roomSchedule,
} from '../../../../shared/audit/schedule.ts';
import { makeAudit, makeFinding, makeRoom } from '../domain/fixtures.ts';

const room = makeRoom({ id: 'room-1', auditIntervalDays: 90 });
const done = (id: string, completedAt: string, extra = {}) =>
  makeAudit({ id, status: 'completed', startedAt: completedAt, completedAt, ...extra });

describe('roomSchedule', () => {
  it('is never audited without a completed audit of the room', () => {
    const audits = [
      makeAudit({ id: 'a', status: 'in_progress', completedAt: null }),
      done('b', '2026-01-10T09:00:00.000Z', { roomIds: ['room-2'] }),
    ];
    expect(roomSchedule(room, audits, '2026-03-01')).toEqual({
      lastCompletedAuditId: null,
      lastAuditDate: null,
      nextDue: null,
      daysUntilDue: null,
      status: 'never_audited',
      overdue: false,
    });
  });

  it('is due interval days after the last completed or signed audit', () => {
    const audits = [
      done('old', '2025-06-01T09:00:00.000Z'),
      done('signed', '2026-01-01T09:00:00.000Z', {
        status: 'signed',
        roomIds: ['room-0', 'room-1'],
      }),
      makeAudit({
        id: 'running',
        status: 'in_progress',
        completedAt: null,
        startedAt: '2026-03-01T00:00:00.000Z',
      }),
    ];
    const s = roomSchedule(room, audits, '2026-03-01');
    expect(s).toMatchObject({
      lastCompletedAuditId: 'signed',
      lastAuditDate: '2026-01-01',
      nextDue: '2026-04-01',
      daysUntilDue: 31,
      status: 'ok',
      overdue: false,
    });
  });

  it('is due soon within the window, due on the day, overdue the day after', () => {
    const audits = [done('a', '2026-01-01T23:30:00.000Z')];
    expect(roomSchedule(room, audits, '2026-03-18').status).toBe('due_soon');
    expect(roomSchedule(room, audits, '2026-04-01')).toMatchObject({
      status: 'due_soon',
      daysUntilDue: 0,
      overdue: false,
    });
    expect(roomSchedule(room, audits, '2026-04-02')).toMatchObject({
      status: 'overdue',
      daysUntilDue: -1,
      overdue: true,
    });
    expect(roomSchedule(room, audits, '2026-03-18', { dueSoonDays: 0 }).status).toBe('ok');
  });

  it('refuses a malformed today', () => {
    expect(() => roomSchedule(room, [], '1/3/2026')).toThrow(/today/);
  });
});

describe('latest audits', () => {
  it('picks the last completed and the latest non-draft audit of the room', () => {
    const audits = [
      done('a', '2026-01-01T00:00:00.000Z'),
      done('b', '2026-02-01T00:00:00.000Z'),
      makeAudit({
        id: 'c',
        status: 'in_progress',
        completedAt: null,
        startedAt: '2026-03-01T00:00:00.000Z',
      }),
      makeAudit({
        id: 'd',
        status: 'draft',
        completedAt: null,
        startedAt: '2026-03-05T00:00:00.000Z',
      }),
    ];
    expect(lastCompletedAudit(audits, 'room-1')?.id).toBe('b');
    expect(latestAudit(audits, 'room-1')?.id).toBe('c');
    expect(latestAudit(audits, 'room-9')).toBeNull();
  });
});

describe('open findings by severity', () => {
  it('counts open and in-remediation findings of the room, not closed or risk accepted', () => {
    const findings = [
      makeFinding({ id: '1', severity: 'high', status: 'open' }),
      makeFinding({ id: '2', severity: 'high', status: 'in_remediation' }),
      makeFinding({ id: '3', severity: 'medium', status: 'closed' }),
      makeFinding({ id: '4', severity: 'low', status: 'risk_accepted', statusReason: 'ok' }),
      makeFinding({ id: '5', severity: 'low', status: 'open' }),
      makeFinding({ id: '6', severity: 'medium', status: 'open', roomId: 'room-2' }),
    ];
    expect(openFindingsBySeverity(findings, 'room-1')).toEqual({ high: 2, medium: 0, low: 1 });
    expect(isOpenFinding({ status: 'risk_accepted' })).toBe(false);
  });

  it('the overview counts only the latest audit, so carried-forward copies are not doubled', () => {
    const audits = [
      done('a1', '2026-01-01T00:00:00.000Z'),
      makeAudit({
        id: 'a2',
        status: 'in_progress',
        completedAt: null,
        startedAt: '2026-03-01T00:00:00.000Z',
      }),
    ];
    const findings = [
      makeFinding({ id: 'f1', auditId: 'a1', severity: 'high' }),
      makeFinding({ id: 'f1-carried', auditId: 'a2', severity: 'high', firstSeenAuditId: 'a1' }),
      makeFinding({ id: 'f2', auditId: 'a2', severity: 'low' }),
    ];
    expect(roomOverview(room, audits, findings, '2026-03-02')).toMatchObject({
      currentAuditId: 'a2',
      openFindings: { high: 1, medium: 0, low: 1 },
      schedule: { nextDue: '2026-04-01', status: 'ok' },
    });
    expect(roomOverview(makeRoom({ id: 'room-x' }), audits, findings, '2026-03-02')).toMatchObject({
      currentAuditId: null,
      openFindings: { high: 0, medium: 0, low: 0 },
      schedule: { status: 'never_audited' },
    });
  });
});
