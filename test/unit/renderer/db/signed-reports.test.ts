import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomcheckDb } from '../../../../renderer/db/db.ts';
import {
  completeAudit,
  reopenAudit,
  startAudit,
} from '../../../../renderer/db/repositories/audits.ts';
import {
  listSignedReports,
  nextReportNumbering,
  NotSignableError,
  recordSignedReport,
  type SignedReportEntry,
} from '../../../../renderer/db/repositories/signed-reports.ts';
import { buildAuditSnapshot } from '../../../../renderer/db/repositories/snapshot.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import { closeAll, freshDbWithTemplates, siteWithRoom } from './support.ts';

let db: RoomcheckDb;
beforeEach(async () => {
  db = await freshDbWithTemplates();
});
afterEach(closeAll);

async function audit() {
  const { site, room } = await siteWithRoom(db, { organisation: 'Unit 1' });
  return startAudit(db, {
    siteId: site.id,
    roomIds: [room.id],
    templateId: SECURE_ROOM_TEMPLATE.id,
    title: 'Audit of Room A',
    inspectors: ['Wang Fang'],
  });
}

const entry = (version: number): SignedReportEntry => ({
  reportId: 'RC-20260115-ABCDEF',
  reportVersion: version,
  language: 'zh',
  signedAt: '2026-01-15T10:00:00.000Z',
  signer: 'Wang Fang',
  signerFingerprint: 'ab'.repeat(32),
  pageCount: 9,
  fileName: `RC-20260115-ABCDEF-v${version}.pdf`,
  bytes: 123_456,
});

const snapshotOf = (auditId: string) =>
  buildAuditSnapshot(db, auditId, {
    appVersion: '0.1.0',
    signOff: null,
    includeEvidenceBytes: true,
  });

describe('recording a signed report', () => {
  it('marks a completed audit signed and keeps the history; the record of the completion stays as it was', async () => {
    const a = await audit();
    await completeAudit(db, a.id);
    const record = await db.auditRecords.get(a.id);
    const snapshot = await snapshotOf(a.id);
    const signed = await recordSignedReport(db, a.id, entry(1), snapshot);
    expect(signed.status).toBe('signed');
    expect((await db.audits.get(a.id))?.status).toBe('signed');
    expect(await listSignedReports(db, a.id)).toEqual([entry(1)]);
    expect(await db.auditRecords.get(a.id)).toEqual(record);
    expect(record?.snapshot.audit.status).toBe('completed');
    expect(record?.snapshot.evidence.every((e) => e.dataBase64 === null)).toBe(true);

    // A second version appends; a signed audit cannot be reopened any more.
    await recordSignedReport(db, a.id, entry(2), await snapshotOf(a.id));
    expect((await listSignedReports(db, a.id)).map((e) => e.reportVersion)).toEqual([1, 2]);
    await expect(reopenAudit(db, a.id, 'Wang Fang', 'typo')).rejects.toThrow(/signed/);
  });

  it('refuses an audit that is still in progress and writes nothing', async () => {
    const a = await audit();
    const snapshot = await snapshotOf(a.id);
    await expect(recordSignedReport(db, a.id, entry(1), snapshot)).rejects.toBeInstanceOf(
      NotSignableError,
    );
    expect((await db.audits.get(a.id))?.status).toBe('in_progress');
    expect(await listSignedReports(db, a.id)).toEqual([]);
    expect(await db.auditRecords.get(a.id)).toBeUndefined();
  });

  it("refuses another audit's snapshot and a malformed entry", async () => {
    const a = await audit();
    const b = await audit();
    await completeAudit(db, a.id);
    await completeAudit(db, b.id);
    await expect(recordSignedReport(db, a.id, entry(1), await snapshotOf(b.id))).rejects.toThrow(
      /another audit/,
    );
    await expect(
      recordSignedReport(db, a.id, { ...entry(1), reportVersion: 0 }, await snapshotOf(a.id)),
    ).rejects.toThrow();
    expect((await db.audits.get(a.id))?.status).toBe('completed');
  });

  it('reads a damaged history row as empty instead of failing the screen', async () => {
    const a = await audit();
    await db.settings.put({ key: `signedReports:${a.id}`, value: [{ reportId: 42 }] });
    expect(await listSignedReports(db, a.id)).toEqual([]);
  });
});

describe('report numbering', () => {
  const a = { id: '4f3a9c2e-1111-2222-3333-444455556666', startedAt: '2026-01-15T08:00:00.000Z' };
  it('proposes a new id from the audit date and id, version 1', () => {
    expect(nextReportNumbering(a, [])).toEqual({
      reportId: 'RC-20260115-4F3A9C',
      reportVersion: 1,
    });
  });
  it('keeps the last id and proposes the next version after the highest', () => {
    expect(nextReportNumbering(a, [entry(1), entry(3), entry(2)])).toEqual({
      reportId: 'RC-20260115-ABCDEF',
      reportVersion: 4,
    });
  });
});
