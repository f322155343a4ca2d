import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  applyAuditImport,
  planAuditImport,
} from '../../../../renderer/db/repositories/audit-import.ts';
import { ExchangeError } from '../../../../renderer/db/exchange-error.ts';
import { blankDevice } from '../../../../renderer/db/repositories/inventory.ts';
import { loadDemoPhotos } from '../../../../main/report/demo-assets.ts';
import { makeDemoAudit } from '../../../../shared/demo/demo-audit.ts';
import { answerId } from '../../../../shared/domain/schemas.ts';
import { bytesToBase64 } from '../../../../shared/encoding/base64.ts';
import type { AuditSnapshot } from '../../../../shared/snapshot/schema.ts';
import { closeAll, comparableDump, freshDb } from './dump-support.ts';

let demo: AuditSnapshot;
beforeAll(() => {
  demo = makeDemoAudit({
    seed: 11,
    now: new Date('2025-06-01T08:00:00Z'),
    deviceCount: 30,
    photos: loadDemoPhotos(),
  });
});
afterEach(closeAll);

const info = { fileName: 'report.pdf', sha256: 'a'.repeat(64), by: 'Inspector Two' };
const clone = <T>(v: T): T => structuredClone(v);

async function expectRefused(promise: Promise<unknown>, code: string) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExchangeError);
  expect((err as ExchangeError).code).toBe(code);
}

describe('importing an audit into an empty database', () => {
  it('stores the audit, its records, its photos as Blobs, a frozen record and a log line', async () => {
    const db = await freshDb();
    const plan = await planAuditImport(db, demo, 'signed-report');
    expect(plan.siteIsNew).toBe(true);
    expect(plan.devicesNew).toHaveLength(demo.devices.length);
    expect(plan.conflicts).toEqual([]);
    expect(plan.evidenceProblems).toEqual([]);
    const log = await applyAuditImport(db, plan, {}, info);

    expect(await db.audits.get(demo.audit.id)).toEqual(demo.audit);
    expect(await db.devices.count()).toBe(demo.devices.length);
    expect(await db.answers.count()).toBe(demo.answers.length);
    expect(await db.findings.count()).toBe(demo.findings.length);
    expect(await db.reconciliations.count()).toBe(demo.reconciliations.length);
    expect(await db.rooms.count()).toBe(demo.rooms.length);
    expect(await db.racks.count()).toBe(demo.racks.length);
    const photos = await db.evidence.toArray();
    expect(photos).toHaveLength(demo.evidence.length);
    for (const row of photos) {
      const original = demo.evidence.find((e) => e.id === row.id)!;
      expect(bytesToBase64(new Uint8Array(await row.blob.arrayBuffer()))).toBe(original.dataBase64);
      expect(row.blob.type).toBe(original.mimeType);
    }
    const frozen = await db.auditRecords.get(demo.audit.id);
    expect(frozen?.source).toBe('signed-report');
    expect(frozen?.snapshot.devices).toEqual(demo.devices);
    expect(frozen?.snapshot.evidence.every((e) => e.dataBase64 === null)).toBe(true);
    expect(await db.importLog.toArray()).toEqual([log]);
    expect(log).toMatchObject({
      fileName: 'report.pdf',
      by: 'Inspector Two',
      source: 'signed-report',
      counts: { added: demo.devices.length, updated: 0, rejected: 0 },
    });
  });

  it('refuses the same audit a second time and changes nothing', async () => {
    const db = await freshDb();
    await applyAuditImport(db, await planAuditImport(db, demo, 'export'), {}, info);
    const before = await comparableDump(db);
    await expectRefused(planAuditImport(db, demo, 'export'), 'audit_exists');
    expect(await comparableDump(db)).toEqual(before);
  });
});

describe('importing onto an inventory entered separately', () => {
  async function withLocalInventory() {
    const db = await freshDb();
    // The same site and rooms exist (by id), the devices were typed in by hand: other ids.
    await db.sites.add(demo.site);
    await db.rooms.bulkAdd(demo.rooms);
    const now = '2025-07-01T00:00:00.000Z';
    const locals = demo.devices.slice(0, 5).map((d, i) => ({
      ...blankDevice(d.siteId, d.roomId),
      id: `local-${i}`,
      assetTag: d.assetTag,
      name: i === 0 ? 'Renamed here' : d.name,
      type: d.type,
      createdAt: now,
      updatedAt: now,
    }));
    await db.devices.bulkAdd(locals);
    return { db, locals };
  }

  it('matches devices by asset tag, keeps local ids everywhere and lists field conflicts', async () => {
    const { db, locals } = await withLocalInventory();
    const plan = await planAuditImport(db, demo, 'export');
    expect(plan.devicesNew).toHaveLength(demo.devices.length - 5);
    expect(plan.conflicts.map((c) => c.local.id).sort()).toEqual(locals.map((l) => l.id).sort());
    const first = plan.conflicts.find((c) => c.local.id === 'local-0')!;
    expect(first.matchedBy).toBe('asset_tag');
    expect(first.changes.find((c) => c.field === 'name')).toEqual({
      field: 'name',
      from: 'Renamed here',
      to: demo.devices[0]!.name,
    });
    // The local edits are newer, so keeping them is suggested.
    expect(first.suggested).toBe('keep');

    await applyAuditImport(db, plan, { 'local-1': 'take' }, info);
    expect((await db.devices.get('local-0'))!.name).toBe('Renamed here');
    const taken = (await db.devices.get('local-1'))!;
    expect(taken.serial).toBe(demo.devices[1]!.serial);
    expect(taken.createdAt).toBe(locals[1]!.createdAt);
    expect(await db.devices.get(demo.devices[0]!.id)).toBeUndefined();
    expect(await db.devices.count()).toBe(demo.devices.length);

    // Answers about the first device now name the local device, with ids recomputed.
    const original = demo.answers.find((a) => a.deviceId === demo.devices[0]!.id);
    if (original) {
      const id = answerId(original.auditId, original.roomId, 'local-0', original.itemId);
      expect((await db.answers.get(id))?.deviceId).toBe('local-0');
    }
    const record = await db.auditRecords.get(demo.audit.id);
    expect(record?.snapshot.devices.some((d) => d.id === 'local-0')).toBe(true);
  });

  it('aborts when a compared device was edited after the preview, leaving everything as it was', async () => {
    const { db } = await withLocalInventory();
    const plan = await planAuditImport(db, demo, 'export');
    await db.devices.update('local-2', {
      notes: 'edited meanwhile',
      updatedAt: new Date().toISOString(),
    });
    const before = await comparableDump(db);
    await expectRefused(applyAuditImport(db, plan, {}, info), 'stale_preview');
    expect(await comparableDump(db)).toEqual(before);
  });

  it('refuses a new device whose asset tag cannot be matched to exactly one local device', async () => {
    const { db } = await withLocalInventory();
    // A second local device with the same tag makes the key ambiguous.
    await db.devices.add({
      ...(await db.devices.get('local-3'))!,
      id: 'local-dup',
    });
    const before = await comparableDump(db);
    await expectRefused(planAuditImport(db, demo, 'export'), 'ambiguous_device');
    expect(await comparableDump(db)).toEqual(before);
  });
});

describe('a failure in the middle of applying', () => {
  it('rolls back every table: a full dump before and after is identical', async () => {
    const db = await freshDb();
    await db.settings.put({ key: 'inspectorName', value: 'Someone' });
    const plan = await planAuditImport(db, demo, 'export');
    expect(plan.evidence.length).toBeGreaterThan(0);
    // A row appears under the id of the plan's last evidence: its bulkAdd fails with a
    // ConstraintError after sites, rooms, devices, the audit and its answers were written.
    const last = plan.evidence[plan.evidence.length - 1]!;
    await db.evidence.add({ ...last, auditId: null, findingId: null, deviceId: null });
    const before = await comparableDump(db);
    const err = await applyAuditImport(db, plan, {}, info).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeTruthy();
    expect(await comparableDump(db)).toEqual(before);
    expect(await db.audits.count()).toBe(0);
    expect(await db.importLog.count()).toBe(0);
  });
});

describe('evidence that does not hold what it claims', () => {
  it('is listed with its reason and not stored; the rest of the audit imports', async () => {
    const db = await freshDb();
    const snap = clone(demo);
    const [a, b] = snap.evidence;
    expect(a && b).toBeTruthy();
    a!.sha256 = 'f'.repeat(64);
    b!.dataBase64 = '***not base64***';
    const plan = await planAuditImport(db, snap, 'export');
    expect(plan.evidenceProblems.map((p) => p.reason).sort()).toEqual(
      ['bad_base64', 'hash_mismatch'].sort(),
    );
    const log = await applyAuditImport(db, plan, {}, info);
    expect(log.counts.rejected).toBe(2);
    expect(await db.evidence.count()).toBe(snap.evidence.length - 2);
  });
});
