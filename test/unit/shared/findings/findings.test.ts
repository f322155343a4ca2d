import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Finding } from '../../../../shared/domain/schemas.ts';
import { FindingSchema, answerId } from '../../../../shared/domain/schemas.ts';
import {
  autoFindingId,
  checkStatusChange,
  filterFindings,
  isWithdrawable,
  tallyFindings,
  firstSighting,
} from '../../../../shared/findings/findings.ts';

const T0 = '2026-03-01T09:00:00.000Z';
function finding(overrides: Partial<Finding> = {}): Finding {
  return FindingSchema.parse({
    id: 'f-1',
    auditId: 'a-1',
    roomId: 'r-1',
    deviceId: 'd-1',
    itemId: 'D1',
    severity: 'high',
    severityChanges: [],
    title: 'Idle device connected',
    detail: '',
    remediation: '',
    owner: '',
    dueDate: null,
    status: 'open',
    statusReason: '',
    firstSeenAuditId: 'a-1',
    firstSeenAt: T0,
    ...firstSighting('f-1', 'a-1', T0),
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  });
}

describe('autoFindingId', () => {
  it('is stable, valid as a finding id and different for different answers', () => {
    const a = answerId('audit-1', 'room-1', 'dev-1', 'D1');
    expect(autoFindingId(a)).toBe(autoFindingId(a));
    expect(autoFindingId(a)).not.toBe(autoFindingId(answerId('audit-1', 'room-1', 'dev-1', 'D2')));
    expect(() => finding({ id: autoFindingId('x'.repeat(5000)) })).not.toThrow();
  });

  it('gives distinct ids to distinct answer ids (no collision across many)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 60 }), { maxLength: 300 }),
        (ids) => {
          expect(new Set(ids.map(autoFindingId)).size).toBe(ids.length);
        },
      ),
    );
  });
});

describe('isWithdrawable', () => {
  it('lets an untouched finding from a failed item go when the answer changes', () => {
    expect(isWithdrawable(finding({ detail: 'a note is not work on the finding' }), 0)).toBe(true);
  });
  it.each<[string, Partial<Finding>, number]>([
    ['evidence attached', {}, 1],
    ['an owner', { owner: 'Li Wei' }, 0],
    ['a due date', { dueDate: '2026-04-01' }, 0],
    ['a remediation', { remediation: 'Unplug it' }, 0],
    ['a status decision', { status: 'in_remediation' }, 0],
    [
      'a severity decision',
      { severityChanges: [{ from: 'high', to: 'low', reason: 'lab', by: 'x', at: T0 }] },
      0,
    ],
    ['no item (raised by hand)', { itemId: null }, 0],
  ])('keeps a finding with %s', (_what, overrides, evidence) => {
    expect(isWithdrawable(finding(overrides), evidence)).toBe(false);
  });
});

describe('checkStatusChange', () => {
  it('requires a reason to accept a risk, and only then', () => {
    expect(checkStatusChange('risk_accepted', '  ')).toBe('reasonRequired');
    expect(checkStatusChange('risk_accepted', 'Replacement ordered, isolated VLAN')).toBeNull();
    expect(checkStatusChange('closed', '')).toBeNull();
    expect(checkStatusChange('in_remediation', '')).toBeNull();
  });
});

describe('tallyFindings', () => {
  it('counts by severity, by status and by both', () => {
    const tally = tallyFindings([
      finding({ severity: 'high', status: 'open' }),
      finding({ severity: 'high', status: 'closed' }),
      finding({ severity: 'low', status: 'risk_accepted', statusReason: 'ok' }),
    ]);
    expect(tally.total).toBe(3);
    expect(tally.bySeverity).toEqual({ high: 2, medium: 0, low: 1 });
    expect(tally.byStatus).toEqual({ open: 1, in_remediation: 0, closed: 1, risk_accepted: 1 });
    expect(tally.cells.high.closed).toBe(1);
    expect(tally.cells.medium.open).toBe(0);
  });
});

describe('filterFindings', () => {
  const list = [
    finding({ id: 'a', title: 'Camera default password', severity: 'high', deviceId: 'cam' }),
    finding({
      id: 'b',
      title: 'Cables unlabelled',
      severity: 'low',
      roomId: 'r-2',
      deviceId: null,
    }),
    finding({ id: 'c', title: 'Access list stale', severity: 'medium', status: 'closed' }),
  ];
  it('sorts most severe first and applies each filter', () => {
    expect(filterFindings(list, {}).map((f) => f.id)).toEqual(['a', 'c', 'b']);
    expect(filterFindings(list, { severity: 'low' }).map((f) => f.id)).toEqual(['b']);
    expect(filterFindings(list, { status: 'closed' }).map((f) => f.id)).toEqual(['c']);
    expect(filterFindings(list, { roomId: 'r-2' }).map((f) => f.id)).toEqual(['b']);
    expect(filterFindings(list, { deviceId: 'cam' }).map((f) => f.id)).toEqual(['a']);
  });
  it('matches text case-insensitively in the title and in what describe() adds', () => {
    expect(filterFindings(list, { text: 'PASSWORD' }).map((f) => f.id)).toEqual(['a']);
    const describe = (f: Finding) => (f.deviceId === 'cam' ? '大门摄像机 CAM-07' : '');
    expect(filterFindings(list, { text: '摄像机' }, describe).map((f) => f.id)).toEqual(['a']);
    expect(filterFindings(list, { text: 'nothing like it' })).toEqual([]);
  });
});
