import { afterEach, describe, expect, it } from 'vitest';
import type { RoomcheckDb } from '../../../../renderer/db/db.ts';
import {
  completeAudit,
  recordAnswer,
  startAudit,
} from '../../../../renderer/db/repositories/audits.ts';
import { startAuditFromPrior } from '../../../../renderer/db/repositories/carry-forward.ts';
import {
  findingStandings,
  recordFindingEvent,
  StatusUnchangedError,
} from '../../../../renderer/db/repositories/finding-events.ts';
import { buildAuditSnapshot, readRecord } from '../../../../renderer/db/repositories/snapshot.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import type { FindingEvent } from '../../../../shared/domain/schemas.ts';
import { findingStanding } from '../../../../shared/findings/status-events.ts';
import { canonicalJson } from '../../../../shared/record/canonical.ts';
import { DamagedRecordError, recordId } from '../../../../shared/record/record-id.ts';
import { closeAll, freshDbWithTemplates, siteWithRoom } from './support.ts';

afterEach(closeAll);

const snapshotOf = (db: RoomcheckDb, auditId: string) =>
  buildAuditSnapshot(db, auditId, { appVersion: '1', signOff: null, includeEvidenceBytes: false });

/** A completed audit of one room whose item P1 failed: one open finding in its record. */
async function completedWithFinding(db: RoomcheckDb) {
  const { site, room } = await siteWithRoom(db);
  const audit = await startAudit(db, {
    siteId: site.id,
    roomIds: [room.id],
    templateId: SECURE_ROOM_TEMPLATE.id,
    title: 'Q1',
    inspectors: ['Wang'],
  });
  const { finding } = await recordAnswer(db, {
    auditId: audit.id,
    roomId: room.id,
    deviceId: null,
    itemId: 'P1',
    result: 'fail',
    note: 'Door propped open',
    by: 'Wang',
  });
  const completed = await completeAudit(db, audit.id, '1');
  return { site, room, audit: completed, finding: finding! };
}

describe("a completed record's content-derived id", () => {
  it('is the SHA-256 of its canonical JSON, stored at completion and carried by its reports', async () => {
    const db = await freshDbWithTemplates();
    const { audit } = await completedWithFinding(db);
    const row = (await readRecord(db, audit.id))!;
    expect(row.recordId).toMatch(/^[0-9a-f]{64}$/);
    // Independently: node's SHA-256 of the canonical bytes (no sign-off, no evidence bytes).
    const { createHash } = await import('node:crypto');
    const bytes = Buffer.from(canonicalJson({ ...row.snapshot, signOff: null }), 'utf8');
    expect(row.recordId).toBe(createHash('sha256').update(bytes).digest('hex'));
    // A report's snapshot names the record, and recomputing from it gives the same id.
    const report = await buildAuditSnapshot(db, audit.id, {
      appVersion: '2',
      signOff: {
        inspector: { name: 'Wang', role: '' },
        approver: null,
        organisation: '',
        unit: '',
        reportId: 'R-1',
        reportVersion: 3,
        language: 'zh',
        distribution: [],
      },
      includeEvidenceBytes: true,
    });
    expect(report.recordId).toBe(row.recordId);
    expect(recordId(report)).toBe(row.recordId);
  });

  it('reports a hand-altered record as damaged instead of showing it', async () => {
    const db = await freshDbWithTemplates();
    const { audit, finding } = await completedWithFinding(db);
    const row = (await readRecord(db, audit.id))!;
    // One answer's result changed in the stored record, its id left as it was.
    await db.auditRecords.put({
      ...row,
      snapshot: {
        ...row.snapshot,
        answers: row.snapshot.answers.map((a) => ({ ...a, result: 'pass' as const })),
      },
    });
    await expect(snapshotOf(db, audit.id)).rejects.toBeInstanceOf(DamagedRecordError);
    await expect(readRecord(db, audit.id)).rejects.toThrow(/is damaged/);
    // Nothing is recorded against a damaged record either.
    await expect(
      recordFindingEvent(db, {
        auditId: audit.id,
        findingId: finding.id,
        status: 'closed',
        by: 'Li',
        reason: 'Fixed',
      }),
    ).rejects.toBeInstanceOf(DamagedRecordError);
    expect(await db.findingEvents.count()).toBe(0);
  });
});

describe('finding status changes after completion', () => {
  it('are logged beside the record, which stays byte-identical', async () => {
    const db = await freshDbWithTemplates();
    const { audit, finding } = await completedWithFinding(db);
    const before = canonicalJson(await snapshotOf(db, audit.id));
    const recordBefore = (await readRecord(db, audit.id))!;
    const event = await recordFindingEvent(db, {
      auditId: audit.id,
      findingId: finding.id,
      status: 'closed',
      by: ' Li ',
      reason: 'Door closer replaced, ticket 42',
    });
    expect(event).toMatchObject({
      lineageId: finding.lineageId,
      findingId: finding.id,
      auditId: audit.id,
      status: 'closed',
      by: 'Li',
    });
    // Plain JSON with a stable id (an organisation hub replicates these).
    expect(JSON.parse(JSON.stringify(event))).toEqual(event);
    expect(canonicalJson(await snapshotOf(db, audit.id))).toBe(before);
    expect(await readRecord(db, audit.id)).toEqual(recordBefore);

    const standing = (await findingStandings(db, [finding], [audit])).get(finding.id)!;
    expect(standing).toMatchObject({ frozen: 'open', status: 'closed' });
    expect(standing.since.map((e) => e.id)).toEqual([event.id]);
  });

  it('refuses a change without who or why, to the same status, or on an audit in progress', async () => {
    const db = await freshDbWithTemplates();
    const { audit, finding, site, room } = await completedWithFinding(db);
    const base = { auditId: audit.id, findingId: finding.id, by: 'Li', reason: 'Fixed' };
    await expect(recordFindingEvent(db, { ...base, status: 'closed', by: ' ' })).rejects.toThrow(
      'Say who records the change.',
    );
    await expect(recordFindingEvent(db, { ...base, status: 'closed', reason: '' })).rejects.toThrow(
      'Say why the status changes, or what shows it.',
    );
    await expect(recordFindingEvent(db, { ...base, status: 'open' })).rejects.toBeInstanceOf(
      StatusUnchangedError,
    );
    await expect(
      recordFindingEvent(db, { ...base, findingId: 'no-such-finding', status: 'closed' }),
    ).rejects.toThrow('This finding is not in the audit’s record.');
    const open = await startAudit(db, {
      siteId: site.id,
      roomIds: [room.id],
      templateId: SECURE_ROOM_TEMPLATE.id,
      title: 'Q2',
      inspectors: ['Wang'],
    });
    await expect(
      recordFindingEvent(db, { ...base, auditId: open.id, status: 'closed' }),
    ).rejects.toThrow('This audit is not completed; change the finding itself.');
    expect(await db.findingEvents.count()).toBe(0);
  });

  it('decide what a follow-up carries: closed since is not carried, reopened since is', async () => {
    const db = await freshDbWithTemplates();
    const { audit, finding } = await completedWithFinding(db);
    const change = (status: 'closed' | 'open' | 'in_remediation') =>
      recordFindingEvent(db, {
        auditId: audit.id,
        findingId: finding.id,
        status,
        by: 'Li',
        reason: status,
      });
    await change('closed');
    const first = await startAuditFromPrior(db, {
      priorAuditId: audit.id,
      title: 'Q2',
      inspectors: ['Wang'],
    });
    expect(first.recheck).toBe(0);
    await change('in_remediation');
    const second = await startAuditFromPrior(db, {
      priorAuditId: audit.id,
      title: 'Q2 again',
      inspectors: ['Wang'],
    });
    expect(second.recheck).toBe(1);
    const carried = await db.findings.where('auditId').equals(second.audit.id).toArray();
    expect(carried).toMatchObject([{ lineageId: finding.lineageId, status: 'in_remediation' }]);
  });
});

describe('findingStanding (the one function every screen asks)', () => {
  const event = (id: string, at: string, status: FindingEvent['status'], lineageId = 'L1') => ({
    id,
    lineageId,
    findingId: 'f',
    auditId: 'a',
    status,
    by: 'Li',
    at,
    reason: 'r',
  });
  const finding = { lineageId: 'L1', status: 'open' as const };

  it('applies only this lineage’s events after the status was fixed, the latest winning', () => {
    const events = [
      event('e3', '2026-03-01T00:00:00.000Z', 'open'),
      event('e1', '2026-01-01T00:00:00.000Z', 'closed'),
      event('e2', '2026-02-01T00:00:00.000Z', 'closed'),
      event('x', '2026-04-01T00:00:00.000Z', 'closed', 'L2'),
    ];
    const s = findingStanding(finding, '2026-01-15T00:00:00.000Z', events);
    expect(s.frozen).toBe('open');
    expect(s.since.map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(s.status).toBe('open');
    expect(findingStanding(finding, '2026-02-15T00:00:00.000Z', events.slice(1)).status).toBe(
      'open',
    );
    expect(findingStanding(finding, '2025-12-01T00:00:00.000Z', events.slice(1, 3)).status).toBe(
      'closed',
    );
  });
});
