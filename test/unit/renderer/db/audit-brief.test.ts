import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomcheckDb } from '../../../../renderer/db/db.ts';
import {
  AuditLockedError,
  completeAudit,
  reopenAudit,
  startAudit,
  UnknownTimeZoneError,
  updateAuditBrief,
} from '../../../../renderer/db/repositories/audits.ts';
import { buildAuditSnapshot } from '../../../../renderer/db/repositories/snapshot.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import { closeAll, freshDbWithTemplates, siteWithRoom } from './support.ts';

// The audit brief (objectives, audit client, auditees) and time zone stay editable while the
// audit is in progress, and freeze with its record when it is completed.

let db: RoomcheckDb;
beforeEach(async () => {
  db = await freshDbWithTemplates();
});
afterEach(closeAll);

async function started() {
  const { site, room } = await siteWithRoom(db);
  return startAudit(db, {
    siteId: site.id,
    roomIds: [room.id],
    templateId: SECURE_ROOM_TEMPLATE.id,
    title: 'Audit',
    inspectors: ['Wang Fang'],
    brief: { objectives: 'First draft', auditClient: '', auditees: [] },
    timeZone: 'UTC',
  });
}

const brief = {
  objectives: 'Confirm the secret-level rooms meet the 2026 checklist.',
  auditClient: '市数据局 Municipal Data Bureau',
  auditees: ['信息中心 Information Centre', 'Network team'],
  timeZone: 'Asia/Shanghai',
};

describe('updateAuditBrief', () => {
  it('changes objectives, client, auditees and time zone of an audit in progress, and the report snapshot says so', async () => {
    const audit = await started();
    const next = await updateAuditBrief(db, audit.id, brief);
    expect(next).toMatchObject(brief);
    expect(await db.audits.get(audit.id)).toMatchObject(brief);
    const snapshot = await buildAuditSnapshot(db, audit.id, {
      appVersion: '',
      signOff: null,
      includeEvidenceBytes: false,
    });
    expect(snapshot.audit).toMatchObject(brief);
  });

  it('keeps the recorded time zone when none is given', async () => {
    const audit = await started();
    const next = await updateAuditBrief(db, audit.id, { ...brief, timeZone: undefined });
    expect(next.timeZone).toBe('UTC');
    expect(next.objectives).toBe(brief.objectives);
  });

  it('refuses a time zone this computer does not know and changes nothing', async () => {
    const audit = await started();
    await expect(
      updateAuditBrief(db, audit.id, { ...brief, timeZone: 'Mars/Olympus_Mons' }),
    ).rejects.toBeInstanceOf(UnknownTimeZoneError);
    expect(await db.audits.get(audit.id)).toEqual(audit);
  });

  it('refuses a completed audit (its record is frozen) and changes neither audit nor record', async () => {
    const audit = await started();
    const completed = await completeAudit(db, audit.id);
    const record = await db.auditRecords.get(audit.id);
    await expect(updateAuditBrief(db, audit.id, brief)).rejects.toBeInstanceOf(AuditLockedError);
    expect(await db.audits.get(audit.id)).toEqual(completed);
    expect(await db.auditRecords.get(audit.id)).toEqual(record);
  });

  it('is editable again once the audit is reopened', async () => {
    const audit = await started();
    await completeAudit(db, audit.id);
    await reopenAudit(db, audit.id, 'Wang Fang', 'Client name was wrong');
    const next = await updateAuditBrief(db, audit.id, brief);
    expect(next.auditClient).toBe(brief.auditClient);
  });
});
