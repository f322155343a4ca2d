import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carryForward } from '../../../../shared/audit/carry-forward.ts';
import {
  compareAudits,
  findingLineageKey,
  isCarriedForward,
  type AuditSide,
} from '../../../../shared/compare/compare-audits.ts';
import { matchDevices, normaliseMac } from '../../../../shared/compare/match-devices.ts';
import {
  answerId,
  DeviceSchema,
  type Answer,
  FindingSchema,
  type Device,
  type Finding,
} from '../../../../shared/domain/schemas.ts';
import { arbDevice } from '../domain/arbitraries.ts';
import { makeAudit, makeDevice, makeFinding } from '../domain/fixtures.ts';

const TODAY = '2026-03-15';
const A1 = makeAudit({ id: 'a1', startedAt: '2025-12-01T00:00:00.000Z' });
const A2 = makeAudit({ id: 'a2', startedAt: '2026-03-01T00:00:00.000Z', priorAuditId: 'a1' });
const answer = (f: Finding, result: Answer['result']): Answer => ({
  id: answerId(f.auditId, f.roomId, f.deviceId, f.itemId!),
  auditId: f.auditId,
  roomId: f.roomId,
  deviceId: f.deviceId,
  itemId: f.itemId!,
  result,
  note: '',
  prejudged: null,
  by: 'Wang',
  at: '2026-03-02T00:00:00.000Z',
});
const side = (audit = A1, devices: Device[] = [], findings: Finding[] = []): AuditSide => ({
  audit,
  devices,
  findings,
});
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);

describe('matchDevices', () => {
  it('matches by id, then asset tag, then serial, then MAC, ignoring case, width and separators', () => {
    const prior = [
      makeDevice({ id: 'same' }),
      makeDevice({ id: 'p-tag', assetTag: 'ZC-0001' }),
      makeDevice({ id: 'p-serial', serial: 'SN123' }),
      makeDevice({ id: 'p-mac', macs: ['00:1A:2B:3C:4D:5E'] }),
      makeDevice({ id: 'p-gone', assetTag: 'ZC-0999' }),
    ];
    const current = [
      makeDevice({ id: 'c-mac', macs: ['001a.2b3c.4d5e'] }),
      makeDevice({ id: 'c-serial', serial: ' sn123 ' }),
      makeDevice({ id: 'c-tag', assetTag: 'ＺＣ－０００１' }), // full-width, as typed with an IME
      makeDevice({ id: 'same', assetTag: 'changed' }),
      makeDevice({ id: 'c-new', assetTag: 'ZC-0500' }),
    ];
    const m = matchDevices(prior, current);
    expect(m.pairs.map((p) => [p.prior.id, p.current.id, p.matchedBy])).toEqual([
      ['same', 'same', 'id'],
      ['p-tag', 'c-tag', 'asset_tag'],
      ['p-serial', 'c-serial', 'serial'],
      ['p-mac', 'c-mac', 'mac'],
    ]);
    expect(ids(m.priorOnly)).toEqual(['p-gone']);
    expect(ids(m.currentOnly)).toEqual(['c-new']);
    expect(normaliseMac('00-1A-2B-3C-4D-5E')).toBe('001a2b3c4d5e');
  });

  it('does not match on an ambiguous key or on empty identifiers', () => {
    const prior = [
      makeDevice({ id: 'p1', serial: 'DUP' }),
      makeDevice({ id: 'p2', serial: 'DUP' }),
      makeDevice({ id: 'p3', assetTag: '' }),
    ];
    const current = [
      makeDevice({ id: 'c1', serial: 'DUP' }),
      makeDevice({ id: 'c3', assetTag: '' }),
    ];
    const m = matchDevices(prior, current);
    expect(m.pairs).toEqual([]);
    const twoCurrent = matchDevices(
      [makeDevice({ id: 'p', serial: 'X' })],
      [makeDevice({ id: 'c1', serial: 'X' }), makeDevice({ id: 'c2', serial: 'x' })],
    );
    expect(twoCurrent.pairs).toEqual([]);
  });
});

describe('compareAudits: devices', () => {
  it('reports added, missing, moved (only what changed) and status changes', () => {
    const prior = [
      makeDevice({ id: 'd1', rackId: 'r1', positionU: 10 }),
      makeDevice({ id: 'd2', roomId: 'room-1', rackId: 'r1', positionU: 5, status: 'active' }),
      makeDevice({ id: 'd3', assetTag: 'T3', status: 'idle' }),
      makeDevice({ id: 'gone' }),
    ];
    const current = [
      makeDevice({ id: 'd1', rackId: 'r1', positionU: 12 }),
      makeDevice({
        id: 'd2',
        roomId: 'room-2',
        rackId: 'r7',
        positionU: 5,
        status: 'decommissioning',
      }),
      makeDevice({ id: 'd3-reimported', assetTag: 't3', status: 'idle' }),
      makeDevice({ id: 'fresh' }),
    ];
    const c = compareAudits(side(A1, prior), side(A2, current), TODAY);
    expect(c).toMatchObject({
      priorAuditId: 'a1',
      currentAuditId: 'a2',
      isFirstAudit: false,
      today: TODAY,
    });
    expect(ids(c.devices.added)).toEqual(['fresh']);
    expect(ids(c.devices.missing)).toEqual(['gone']);
    expect(c.devices.moved).toHaveLength(2);
    const [m1, m2] = c.devices.moved;
    expect(m1).toMatchObject({ matchedBy: 'id', positionU: { from: 10, to: 12 } });
    expect(m1).not.toHaveProperty('rack');
    expect(m1).not.toHaveProperty('room');
    expect(m2).toMatchObject({
      room: { from: 'room-1', to: 'room-2' },
      rack: { from: 'r1', to: 'r7' },
    });
    expect(m2).not.toHaveProperty('positionU');
    expect(c.devices.statusChanged.map((s) => [s.current.id, s.status])).toEqual([
      ['d2', { from: 'active', to: 'decommissioning' }],
    ]);
    expect(c.devices.unchanged).toBe(1);
    expect(c.counts).toMatchObject({ added: 1, removed: 1, relocated: 2, statusChanged: 1 });
  });

  it('limits to rooms when asked; a device moving out of the room is moved, not missing', () => {
    const prior = [
      makeDevice({ id: 'd1', roomId: 'room-1' }),
      makeDevice({ id: 'x', roomId: 'room-9' }),
    ];
    const current = [
      makeDevice({ id: 'd1', roomId: 'room-2' }),
      makeDevice({ id: 'y', roomId: 'room-9' }),
    ];
    const c = compareAudits(side(A1, prior), side(A2, current), TODAY, { roomIds: ['room-1'] });
    expect(c.devices.added).toEqual([]);
    expect(c.devices.missing).toEqual([]);
    expect(c.devices.moved.map((m) => m.room)).toEqual([{ from: 'room-1', to: 'room-2' }]);
  });

  it('treats a first audit as everything added and new', () => {
    const c = compareAudits(
      null,
      side(A2, [makeDevice()], [makeFinding({ auditId: 'a2', firstSeenAuditId: 'a2' })]),
      TODAY,
    );
    expect(c.isFirstAudit).toBe(true);
    expect(c.priorAuditId).toBeNull();
    expect(c.counts).toMatchObject({
      added: 1,
      removed: 0,
      newFindings: 1,
      resolved: 0,
      recurring: 0,
    });
  });
});

describe('compareAudits: findings', () => {
  const f = (over: Partial<Finding>) =>
    makeFinding({ auditId: 'a1', firstSeenAuditId: 'a1', ...over });

  it('classifies new, recurring, reappeared, resolved, passed, not re-checked and overdue', () => {
    const prior = [
      f({
        id: 'p-still',
        deviceId: 'd1',
        itemId: 'D1',
        firstSeenAuditId: 'a0',
        firstSeenAt: '2025-06-01T00:00:00.000Z',
      }),
      f({ id: 'p-fixed', deviceId: 'd1', itemId: 'C1', severity: 'high' }),
      f({ id: 'p-passes', deviceId: null, itemId: 'P2', severity: 'medium' }),
      f({ id: 'p-wait', deviceId: 'd2', itemId: 'N4' }),
      f({ id: 'p-left', deviceId: 'd2', itemId: 'N5' }),
      f({ id: 'p-back', deviceId: 'd2', itemId: 'F1', status: 'closed' }),
      f({ id: 'p-closed', deviceId: 'd2', itemId: 'N1', status: 'closed' }),
      f({ id: 'p-manual', deviceId: null, itemId: null, title: 'Door wedge found' }),
    ];
    // Copies carried into a2 keep the prior finding's lineage and first sighting.
    const carried = (p: Finding, over: Partial<Finding>) =>
      f({ ...p, auditId: 'a2', carriedFrom: { auditId: 'a1', findingId: p.id }, ...over });
    const fresh = (over: Partial<Finding>) =>
      f({ auditId: 'a2', firstSeenAuditId: 'a2', ...over, lineageId: over.id! });
    const current = [
      carried(prior[0]!, { id: 'c-still', dueDate: '2026-03-14' }),
      carried(prior[1]!, {
        id: 'c-fixed',
        status: 'closed',
        resolution: { auditId: 'a2', by: 'Wang', at: '2026-03-02T00:00:00.000Z' },
      }),
      carried(prior[2]!, { id: 'c-passes' }),
      carried(prior[3]!, { id: 'c-wait' }),
      fresh({ id: 'c-back', deviceId: 'd2', itemId: 'F1', dueDate: '2026-03-15' }),
      fresh({
        id: 'c-new',
        deviceId: 'd3',
        itemId: 'D1',
        severity: 'low',
        dueDate: '2026-01-01',
        status: 'risk_accepted',
        statusReason: 'budget',
      }),
      fresh({
        id: 'c-new2',
        deviceId: 'd3',
        itemId: 'C1',
        severity: 'high',
        dueDate: '2026-01-01',
        status: 'in_remediation',
      }),
      fresh({ id: 'c-manual', deviceId: null, itemId: null, title: ' door WEDGE found' }),
    ];
    const answers = [
      answer(current[0]!, 'fail'),
      answer(current[1]!, 'pass'),
      answer(current[2]!, 'pass'),
    ];
    const c = compareAudits(side(A1, [], prior), { ...side(A2, [], current), answers }, TODAY);
    expect(ids(c.findings.new)).toEqual(['c-new2', 'c-new']); // High first
    expect(c.findings.recurring.map((r) => [r.current.id, r.prior.id, r.reappeared])).toEqual([
      ['c-still', 'p-still', false],
      ['c-back', 'p-back', true],
      ['c-manual', 'p-manual', false],
    ]);
    expect(c.findings.recurring[0]).toMatchObject({
      firstSeenAuditId: 'a0',
      firstSeenAt: '2025-06-01T00:00:00.000Z',
    });
    expect(c.findings.resolved.map((r) => [r.prior.id, r.current?.id ?? null])).toEqual([
      ['p-fixed', 'c-fixed'],
    ]);
    expect(c.findings.passed.map((x) => [x.current.id, x.prior?.id])).toEqual([
      ['c-passes', 'p-passes'],
    ]);
    expect(c.findings.notRechecked.map((x) => x.current.id)).toEqual(['c-wait']);
    expect(ids(c.findings.notCarried)).toEqual(['p-left']);
    // Due before today and still to remediate; due today is not overdue; risk accepted is not.
    // Both are High, so they keep the input order.
    expect(ids(c.findings.overdue)).toEqual(['c-still', 'c-new2']);
    expect(c.counts).toMatchObject({
      newFindings: 2,
      recurring: 3,
      resolved: 1,
      passed: 1,
      notRechecked: 1,
      notCarried: 1,
      overdue: 2,
    });
  });

  it('follows a device matched by asset tag when pairing its findings', () => {
    const prior = side(
      A1,
      [makeDevice({ id: 'old-id', assetTag: 'ZC-1' })],
      [f({ id: 'p', deviceId: 'old-id', itemId: 'C1' })],
    );
    const current = side(
      A2,
      [makeDevice({ id: 'new-id', assetTag: 'ZC-1' })],
      [f({ id: 'c', auditId: 'a2', firstSeenAuditId: 'a2', deviceId: 'new-id', itemId: 'C1' })],
    );
    const c = compareAudits(prior, current, TODAY);
    expect(c.findings.new).toEqual([]);
    expect(c.findings.recurring.map((r) => r.prior.id)).toEqual(['p']);
  });

  it('keys lineage by item and subject, or by title for hand-raised findings', () => {
    expect(findingLineageKey(makeFinding({ deviceId: 'd', itemId: 'D1' }))).toBe(
      'device:d|item:D1',
    );
    expect(findingLineageKey(makeFinding({ deviceId: null, roomId: 'r', itemId: 'P1' }))).toBe(
      'room:r|item:P1',
    );
    expect(
      findingLineageKey(makeFinding({ deviceId: 'd', itemId: 'D1' }), new Map([['d', 'e']])),
    ).toBe('device:e|item:D1');
  });

  it('refuses a malformed today', () => {
    expect(() => compareAudits(null, side(A2), '2026-3-1')).toThrow(/today/);
  });
});

describe('compareAudits: properties', () => {
  const arbSide = fc
    .tuple(
      fc.uniqueArray(arbDevice(), { selector: (d) => d.id, maxLength: 25 }),
      fc.array(
        fc.record({
          i: fc.nat(),
          item: fc.constantFrom('D1', 'C1', 'F1', null),
          status: fc.constantFrom('open', 'in_remediation', 'closed', 'risk_accepted' as const),
          dueDate: fc.option(fc.constantFrom('2026-01-01', '2026-12-31'), { nil: null }),
        }),
        { maxLength: 15 },
      ),
    )
    .map(([devices, specs]): AuditSide => ({
      audit: A1,
      devices,
      findings: specs.map((s, n) =>
        makeFinding({
          id: `f${n}`,
          deviceId: devices.length ? devices[s.i % devices.length]!.id : null,
          itemId: s.item,
          title: `t${n % 3}`,
          status: s.status,
          statusReason: s.status === 'risk_accepted' ? 'accepted' : '',
          dueDate: s.dueDate,
        }),
      ),
    }));

  it('compare(a, a) has no changes', () => {
    fc.assert(
      fc.property(arbSide, (a) => {
        const c = compareAudits(a, a, TODAY);
        expect(c.devices.added).toEqual([]);
        expect(c.devices.missing).toEqual([]);
        expect(c.devices.moved).toEqual([]);
        expect(c.devices.statusChanged).toEqual([]);
        expect(c.devices.unchanged).toBe(a.devices.length);
        expect(c.findings.new).toEqual([]);
        expect(c.findings.resolved).toEqual([]);
        expect(c.findings.recurring.every((r) => r.current === r.prior)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('devices are added, missing or paired exactly once; no finding is placed twice', () => {
    fc.assert(
      fc.property(arbSide, arbSide, (p, cur) => {
        const current = { ...cur, audit: A2 };
        const c = compareAudits(p, current, TODAY);
        const m = matchDevices(p.devices, current.devices);
        expect(c.devices.added.length + m.pairs.length).toBe(current.devices.length);
        expect(c.devices.missing.length + m.pairs.length).toBe(p.devices.length);
        const currentPlaced = [
          ...c.findings.new,
          ...c.findings.recurring.map((r) => r.current),
          ...c.findings.resolved.flatMap((r) => (r.current ? [r.current] : [])),
        ];
        // Closed current findings paired with a closed prior are history, not news.
        expect(new Set(currentPlaced).size).toBe(currentPlaced.length);
        expect(currentPlaced.length).toBeLessThanOrEqual(current.findings.length);
        for (const finding of c.findings.overdue) expect(finding.dueDate! < TODAY).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('carryForward', () => {
  const NOW = '2026-03-01T08:00:00.000Z';
  const priorDevices = [
    makeDevice({ id: 'd1', firstSeenAuditId: 'a0' }),
    makeDevice({ id: 'd2', firstSeenAuditId: null }),
  ];
  const priorFindings = [
    makeFinding({
      id: 'open',
      auditId: 'a1',
      deviceId: 'd1',
      itemId: 'D1',
      firstSeenAuditId: 'a0',
      firstSeenAt: '2025-09-01T00:00:00.000Z',
      owner: 'Li',
      dueDate: '2026-04-01',
    }),
    makeFinding({
      id: 'wip',
      auditId: 'a1',
      deviceId: null,
      itemId: 'P2',
      status: 'in_remediation',
      firstSeenAuditId: 'a1',
    }),
    makeFinding({ id: 'done', auditId: 'a1', status: 'closed', statusReason: 'fixed' }),
    makeFinding({ id: 'accepted', auditId: 'a1', status: 'risk_accepted', statusReason: 'budget' }),
  ];
  const prior = side(A1, priorDevices, priorFindings);

  it('copies the inventory with ids and first-seen audit, without sharing objects', () => {
    const out = carryForward(prior, 'a2', NOW);
    expect(out.devices.map((d) => [d.id, d.firstSeenAuditId])).toEqual([
      ['d1', 'a0'],
      ['d2', 'a1'],
    ]);
    for (const d of out.devices) expect(DeviceSchema.safeParse(d).success).toBe(true);
    out.devices[0]!.credentials.defaultChanged = 'no';
    expect(priorDevices[0]!.credentials.defaultChanged).toBe('unknown');
  });

  it('turns open findings into re-checks with carried copies that keep their first sighting', () => {
    const out = carryForward(prior, 'a2', NOW);
    expect(out.recheck.map((r) => [r.finding.id, r.itemId, r.deviceId, r.roomId])).toEqual([
      ['open', 'D1', 'd1', 'room-1'],
      ['wip', 'P2', null, 'room-1'],
    ]);
    expect(out.findings).toEqual(out.recheck.map((r) => r.carried));
    const [open, wip] = out.findings;
    expect(open).toMatchObject({
      id: 'a2|open',
      auditId: 'a2',
      status: 'open',
      firstSeenAuditId: 'a0',
      firstSeenAt: '2025-09-01T00:00:00.000Z',
      owner: 'Li',
      dueDate: '2026-04-01',
      createdAt: NOW,
    });
    expect(wip).toMatchObject({ status: 'in_remediation', firstSeenAuditId: 'a1' });
    for (const finding of out.findings) {
      expect(FindingSchema.safeParse(finding).success).toBe(true);
      expect(isCarriedForward(finding)).toBe(true);
    }
    expect(isCarriedForward(priorFindings[1]!)).toBe(false);
  });

  it('is idempotent by default and accepts an id maker', () => {
    expect(carryForward(prior, 'a2', NOW)).toEqual(carryForward(prior, 'a2', NOW));
    const custom = carryForward(prior, 'a2', NOW, { makeFindingId: (f) => `x-${f.id}` });
    expect(ids(custom.findings)).toEqual(['x-open', 'x-wip']);
    expect(() => carryForward(prior, 'a2', NOW, { makeFindingId: () => 'y'.repeat(129) })).toThrow(
      /makeFindingId/,
    );
  });

  it('refuses a bad timestamp or reusing the prior audit id', () => {
    expect(() => carryForward(prior, 'a2', '2026-03-01')).toThrow(/timestamp/);
    expect(() => carryForward(prior, 'a1', NOW)).toThrow(/id of its own/);
  });

  it('carried findings keep their lineage and origin; failing again recurs, closing resolves', () => {
    const out = carryForward(prior, 'a2', NOW);
    expect(out.findings.map((f) => [f.lineageId, f.carriedFrom?.findingId])).toEqual([
      ['open', 'open'],
      ['wip', 'wip'],
    ]);
    const current = {
      ...side(A2, out.devices, out.findings),
      answers: [answer(out.findings[0]!, 'fail')],
    };
    const c = compareAudits(prior, current, '2026-03-02');
    expect(c.findings.new).toEqual([]);
    expect(c.findings.recurring.map((r) => [r.prior.id, r.firstSeenAuditId])).toEqual([
      ['open', 'a0'],
    ]);
    // Not re-checked is said as such, not counted as recurring.
    expect(c.findings.notRechecked.map((x) => x.prior?.id)).toEqual(['wip']);
    expect(c.devices.added).toEqual([]);
    expect(c.devices.missing).toEqual([]);
    const closed = out.findings.map((f) =>
      f.id === 'a2|open'
        ? {
            ...f,
            status: 'closed' as const,
            resolution: { auditId: 'a2', by: 'Li', at: NOW },
          }
        : f,
    );
    const after = compareAudits(prior, side(A2, out.devices, closed), '2026-03-02');
    expect(after.findings.resolved.map((r) => [r.prior.id, r.current?.id])).toEqual([
      ['open', 'a2|open'],
    ]);
  });

  it("carried findings reference the prior audit's photos by SHA-256 instead of copying them", () => {
    const photo = {
      id: 'ev1',
      auditId: 'a1',
      findingId: 'open',
      deviceId: 'd1',
      fileName: 'a.png',
      mimeType: 'image/png' as const,
      size: 3,
      sha256: 'a'.repeat(64),
      caption: 'port',
      createdAt: NOW,
    };
    const out = carryForward({ ...prior, evidence: [photo, { ...photo, id: 'ev2' }] }, 'a2', NOW);
    expect(out.findings[0]!.evidenceRefs).toEqual([
      {
        sha256: 'a'.repeat(64),
        fileName: 'a.png',
        mimeType: 'image/png',
        size: 3,
        caption: 'port',
        auditId: 'a1',
      },
    ]);
    expect(out.findings[1]!.evidenceRefs).toEqual([]);
  });
});
