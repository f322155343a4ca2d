import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  applyAuditImport,
  planAuditImport,
} from '../../../../renderer/db/repositories/audit-import.ts';
import { loadAuditSide } from '../../../../renderer/db/repositories/audit-sides.ts';
import { recordAnswer } from '../../../../renderer/db/repositories/audits.ts';
import { startAuditFromPrior } from '../../../../renderer/db/repositories/carry-forward.ts';
import type { Finding } from '../../../../shared/domain/schemas.ts';
import { ExchangeError } from '../../../../renderer/db/exchange-error.ts';
import { compareAudits } from '../../../../shared/compare/compare-audits.ts';
import { makeDemoAudit } from '../../../../shared/demo/demo-audit.ts';
import type { AuditSnapshot } from '../../../../shared/snapshot/schema.ts';
import { closeAll, comparableDump, freshDb } from './dump-support.ts';

let demo: AuditSnapshot;
beforeAll(() => {
  demo = makeDemoAudit({ seed: 5, now: new Date('2025-06-01T08:00:00Z'), deviceCount: 25 });
});
afterEach(closeAll);

const info = { fileName: 'prior.json', sha256: 'b'.repeat(64), by: 'x' };
const isOpen = (s: string) => s === 'open' || s === 'in_remediation';

async function withImportedPrior() {
  const db = await freshDb();
  await applyAuditImport(db, await planAuditImport(db, demo, 'export'), {}, info);
  return db;
}

describe('starting an audit from an imported prior one', () => {
  it('carries the open findings (first seen kept) and the inventory; unchecked they read as not re-checked', async () => {
    const db = await withImportedPrior();
    const open = demo.findings.filter((f) => isOpen(f.status));
    expect(open.length).toBeGreaterThan(0);
    const result = await startAuditFromPrior(db, {
      priorAuditId: demo.audit.id,
      title: 'Next audit',
      inspectors: ['Inspector Two'],
    });
    expect(result.recheck).toBe(open.length);
    expect(result.audit.priorAuditId).toBe(demo.audit.id);
    expect(result.audit.roomIds.sort()).toEqual([...demo.audit.roomIds].sort());
    expect(result.audit.status).toBe('in_progress');

    const carried = await db.findings.where('auditId').equals(result.audit.id).toArray();
    expect(carried).toHaveLength(open.length);
    for (const f of carried) {
      const original = open.find(
        (o) => o.title === f.title && o.itemId === f.itemId && o.deviceId === f.deviceId,
      )!;
      expect(f.firstSeenAt).toBe(original.firstSeenAt);
      expect(f.firstSeenAuditId).toBe(original.firstSeenAuditId);
    }
    // Every device remembers the audit it was first recorded in.
    const devices = await db.devices.toArray();
    expect(devices.every((d) => d.firstSeenAuditId !== null)).toBe(true);

    const prior = await loadAuditSide(db, demo.audit.id);
    const current = await loadAuditSide(db, result.audit.id);
    expect(prior?.frozen).toBe(true);
    expect(current?.frozen).toBe(false);
    const cmp = compareAudits(prior!, current!, '2025-06-10');
    expect(cmp.counts.notRechecked).toBe(open.length);
    expect(cmp.counts.recurring).toBe(0);
    expect(cmp.counts.newFindings).toBe(0);
    expect(cmp.counts.added).toBe(0);
    expect(cmp.counts.removed).toBe(0);
    // One identity: each carried finding names the finding it was carried from.
    for (const f of carried) expect(open.map((o) => o.id)).toContain(f.carriedFrom?.findingId);
  });

  it('recognises a carried finding when its item fails again, and keeps it when the item passes', async () => {
    const db = await withImportedPrior();
    const result = await startAuditFromPrior(db, {
      priorAuditId: demo.audit.id,
      title: 'Next',
      inspectors: [],
    });
    const carried = (await db.findings.where('auditId').equals(result.audit.id).toArray()).filter(
      (f) => f.itemId !== null,
    );
    expect(carried.length).toBeGreaterThan(1);
    const [again, fixed] = carried as [Finding, Finding];
    const answer = (f: Finding, r: 'pass' | 'fail') =>
      recordAnswer(db, {
        auditId: result.audit.id,
        roomId: f.roomId,
        deviceId: f.deviceId,
        itemId: f.itemId!,
        result: r,
        note: 'seen again',
        by: 'Inspector Two',
      });
    const failed = await answer(again, 'fail');
    expect(failed.finding?.id).toBe(again.id);
    expect(failed.finding?.firstSeenAuditId).toBe(again.firstSeenAuditId);
    const passed = await answer(fixed, 'pass');
    expect(passed.keptFinding?.id).toBe(fixed.id);
    const after = await db.findings.where('auditId').equals(result.audit.id).toArray();
    expect(after).toHaveLength(result.recheck);
    expect(
      after.filter((f) => f.itemId === again.itemId && f.deviceId === again.deviceId),
    ).toHaveLength(1);
    expect(after.some((f) => f.id === fixed.id)).toBe(true);
  });

  it('brings back a prior device that is absent here', async () => {
    const db = await withImportedPrior();
    const gone = demo.devices[3]!;
    await db.devices.delete(gone.id);
    const result = await startAuditFromPrior(db, {
      priorAuditId: demo.audit.id,
      title: 'Next',
      inspectors: [],
    });
    expect(result.devicesRestored).toBe(1);
    expect((await db.devices.get(gone.id))?.firstSeenAuditId).not.toBeNull();
  });

  it('refuses an unknown prior audit and writes nothing', async () => {
    const db = await withImportedPrior();
    const before = await comparableDump(db);
    const err = await startAuditFromPrior(db, {
      priorAuditId: 'nope',
      title: 'x',
      inspectors: [],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExchangeError);
    expect((err as ExchangeError).code).toBe('prior_missing');
    expect(await comparableDump(db)).toEqual(before);
  });
});
