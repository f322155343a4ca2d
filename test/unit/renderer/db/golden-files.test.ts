import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractSnapshot } from '../../../../main/report/embed-snapshot.ts';
import { verifyPdf } from '../../../../main/verify/verify-pdf.ts';
import {
  applyAuditImport,
  planAuditImport,
} from '../../../../renderer/db/repositories/audit-import.ts';
import { findingStandings } from '../../../../renderer/db/repositories/finding-events.ts';
import { readRecord } from '../../../../renderer/db/repositories/snapshot.ts';
import { addTemplate } from '../../../../renderer/db/repositories/template-edits.ts';
import { backupToTables } from '../../../../renderer/features/exchange/backup-document.ts';
import { sha256Hex } from '../../../../renderer/features/exchange/file-info.ts';
import { restoreDatabase } from '../../../../renderer/features/exchange/restore.ts';
import { importTemplate } from '../../../../shared/checklist/template-io.ts';
import { parseAuditBundle } from '../../../../shared/exchange/audit-bundle.ts';
import { parseBackup } from '../../../../shared/exchange/backup.ts';
import { closeAll, freshDb, freshDbWithTemplates } from './support.ts';

// Files written by earlier versions of Roomcheck (test/fixtures/golden/README.md) must read and
// import with today's code. These files are never edited; a failure here means a reader lost
// the ability to read something a user may still hold.

afterEach(closeAll);

const GOLDEN = join(import.meta.dirname, '../../../fixtures/golden');
const read = (name: string) => readFileSync(join(GOLDEN, name));
const info = { fileName: 'golden', sha256: 'c'.repeat(64), by: 'golden test' };

describe('golden files v1 (before issue 8)', () => {
  it('the signed report keeps an intact signature and its embedded audit reads and imports', async () => {
    const pdf = new Uint8Array(read('v1/signed-report.pdf'));
    const verdict = await verifyPdf(pdf, {
      trustAnchors: [read('v1/signed-report-ca.pem').toString('utf8')],
    });
    // Integrity, not today's certificate validity: the file must stay genuine for ever.
    expect(verdict.signatures).toHaveLength(1);
    expect(verdict.signatures[0]!.intact).toBe(true);
    expect(verdict.signatures[0]!.coversWholeFile).toBe(true);
    expect(verdict.signatures[0]!.signer?.commonName).toBe('王芳 Wang Fang');

    const snapshot = extractSnapshot(pdf);
    expect(snapshot.site.name).toBe('HQ 总部');
    expect(snapshot.audit.status).toBe('completed');
    expect(snapshot.signOff?.reportId).toBe('RC-GOLDEN-1');
    expect(snapshot.devices.map((d) => d.name).sort()).toEqual([
      '4G modem',
      'cam-01',
      'idle-db-01',
      'nvr-01',
    ]);
    expect(snapshot.findings.some((f) => f.title === 'Sticky note with the NVR password')).toBe(
      true,
    );

    const db = await freshDbWithTemplates();
    const plan = await planAuditImport(db, snapshot, 'signed-report');
    await applyAuditImport(db, plan, {}, info);
    const record = await db.auditRecords.get(snapshot.audit.id);
    expect(record?.source).toBe('signed-report');
    expect(await db.findings.where('auditId').equals(snapshot.audit.id).count()).toBe(
      snapshot.findings.length,
    );
  });

  it('the audit export reads (photo proved by its SHA-256) and imports', async () => {
    const { snapshot, evidenceBytes } = await parseAuditBundle(
      read('v1/audit-bundle.json').toString('utf8'),
      {
        sha256: sha256Hex,
      },
    );
    expect(evidenceBytes.size).toBe(1);
    expect(snapshot.reconciliations.map((r) => r.state).sort()).toEqual([
      'not_found',
      'unexpected',
    ]);
    const db = await freshDbWithTemplates();
    await applyAuditImport(db, await planAuditImport(db, snapshot, 'export'), {}, info);
    expect(await db.evidence.count()).toBe(1);
    expect(await db.answers.where('auditId').equals(snapshot.audit.id).count()).toBe(
      snapshot.answers.length,
    );
  });

  it('the backup reads and restores every table', async () => {
    const backup = await parseBackup(read('v1/backup.json').toString('utf8'), {
      sha256: sha256Hex,
    });
    const db = await freshDb();
    await restoreDatabase(db, backupToTables(backup), info);
    expect(await db.audits.count()).toBe(2);
    expect(await db.auditRecords.count()).toBe(1);
    expect(await db.templates.count()).toBe(backup.tables.templates.length);
    const follow = (await db.audits.toArray()).find((a) => a.title === 'Q4 follow-up')!;
    const carried = await db.findings.where('auditId').equals(follow.id).toArray();
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.every((f) => f.firstSeenAuditId === follow.priorAuditId)).toBe(true);
  });

  it('the template file reads and is added', async () => {
    const result = importTemplate(read('v1/template.json').toString('utf8'));
    if (!result.ok) throw new Error(result.error.en);
    expect(result.template.items.at(-1)?.id).toBe('X1');
    const db = await freshDbWithTemplates();
    await addTemplate(db, result.template);
    expect((await db.templates.get(result.template.id))?.name).toBe(
      'Secure room (bureau copy) 保密机房',
    );
  });
});

describe('golden files v2 (issue 8: finding status events, record ids)', () => {
  it('the backup v3 reads, restores its event log, and the finding stands closed since its record', async () => {
    const backup = await parseBackup(read('v2/backup.json').toString('utf8'), {
      sha256: sha256Hex,
    });
    expect(backup.formatVersion).toBe(3);
    const db = await freshDb();
    await restoreDatabase(db, backupToTables(backup), info);
    const events = await db.findingEvents.toArray();
    expect(events.map((e) => [e.status, e.by])).toEqual([
      ['in_remediation', '李明 Li Ming'],
      ['closed', '李明 Li Ming'],
    ]);
    // The record is the one the file names, unchanged by the events recorded after it.
    const record = (await readRecord(db, events[0]!.auditId))!;
    expect(record.recordId).toBe(backup.tables.auditRecords[0]!.recordId);
    const finding = record.snapshot.findings.find((f) => f.id === events[0]!.findingId)!;
    expect(finding.status).toBe('open');
    const audit = (await db.audits.get(record.auditId))!;
    const standing = (await findingStandings(db, [finding], [audit])).get(finding.id)!;
    expect([standing.frozen, standing.status]).toEqual(['open', 'closed']);
  });
});

describe('golden files v3 (issue 12: audit record v2, snapshot v3)', () => {
  it('the signed report keeps an intact signature; its audit states objectives, client, auditees, zone and distribution, and imports', async () => {
    const pdf = new Uint8Array(read('v3/signed-report.pdf'));
    const verdict = await verifyPdf(pdf, {
      trustAnchors: [read('v3/signed-report-ca.pem').toString('utf8')],
    });
    expect(verdict.signatures).toHaveLength(1);
    expect(verdict.signatures[0]!.intact).toBe(true);
    expect(verdict.signatures[0]!.coversWholeFile).toBe(true);
    const snapshot = extractSnapshot(pdf);
    expect(snapshot.audit.timeZone).toBe('Asia/Shanghai');
    expect(snapshot.audit.auditClient).toContain('Demo City Secrecy Committee Office');
    expect(snapshot.audit.auditees).toHaveLength(2);
    expect(snapshot.audit.objectives).not.toBe('');
    expect(snapshot.signOff?.distribution).toHaveLength(3);
    const db = await freshDbWithTemplates();
    await applyAuditImport(db, await planAuditImport(db, snapshot, 'signed-report'), {}, info);
    expect((await db.audits.get(snapshot.audit.id))?.timeZone).toBe('Asia/Shanghai');
  });

  it('the audit export reads (photo proved by its SHA-256) and imports', async () => {
    const { snapshot, evidenceBytes } = await parseAuditBundle(
      read('v3/audit-bundle.json').toString('utf8'),
      { sha256: sha256Hex },
    );
    expect(evidenceBytes.size).toBe(1);
    expect(snapshot.signOff?.distribution).toHaveLength(3);
    const db = await freshDbWithTemplates();
    await applyAuditImport(db, await planAuditImport(db, snapshot, 'export'), {}, info);
    expect((await db.audits.get(snapshot.audit.id))?.auditees).toEqual(snapshot.audit.auditees);
  });
});
