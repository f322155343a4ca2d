import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { declareVersions, openDatabase } from '../../../../renderer/db/db.ts';
import { DEFAULT_SETTINGS } from '../../../../renderer/db/migrations.ts';
import { LATEST_VERSION, SCHEMA_VERSIONS } from '../../../../renderer/db/schema.ts';
import { blankDevice } from '../../../../renderer/db/repositories/inventory.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditSchema, DeviceSchema, FindingSchema } from '../../../../shared/domain/schemas.ts';
import {
  AuditSnapshotSchema,
  SNAPSHOT_FORMAT_VERSION,
} from '../../../../shared/snapshot/schema.ts';
import { recordId } from '../../../../shared/record/record-id.ts';

const names: string[] = [];
const dbName = () => {
  const name = `migration-${names.length}-${Date.now()}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  while (names.length) await Dexie.delete(names.pop()!);
});

/** Opens a database exactly as an older release did: only the versions up to `version`. */
async function openAt(name: string, version: number): Promise<Dexie> {
  const db = new Dexie(name);
  declareVersions(db, version);
  await db.open();
  return db;
}

const now = '2026-01-05T10:00:00.000Z';

describe('database migrations', () => {
  it('declares versions in increasing order, each keeping every table of the one before', () => {
    for (let i = 1; i < SCHEMA_VERSIONS.length; i++) {
      const prev = SCHEMA_VERSIONS[i - 1]!;
      const next = SCHEMA_VERSIONS[i]!;
      expect(next.version).toBeGreaterThan(prev.version);
      for (const table of Object.keys(prev.stores))
        expect(Object.keys(next.stores)).toContain(table);
    }
  });

  it('upgrades a v1 database with data to the latest version without losing a record', async () => {
    const name = dbName();
    const v1 = await openAt(name, 1);
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name)).not.toContain('reconciliations');
    await v1
      .table('sites')
      .add({ id: 's1', name: 'HQ', organisation: '', notes: '', createdAt: now, updatedAt: now });
    await v1.table('rooms').add({
      id: 'r1',
      siteId: 's1',
      name: '机房 1',
      building: '',
      floor: '',
      classification: 'secret',
      auditIntervalDays: 90,
      notes: '',
      createdAt: now,
      updatedAt: now,
    });
    await v1.table('devices').add({
      ...blankDevice('s1', 'r1'),
      id: 'd1',
      name: 'NVR',
      assetTag: 'A-1',
      createdAt: now,
      updatedAt: now,
    });
    // A v1 audit written before the cursor field was relied upon.
    await v1
      .table('audits')
      .add({ id: 'a1', siteId: 's1', roomIds: ['r1'], status: 'in_progress', startedAt: now });
    await v1.table('answers').add({
      id: 'a1|d1|D1',
      auditId: 'a1',
      deviceId: 'd1',
      itemId: 'D1',
      result: 'fail',
      note: 'still cabled',
    });
    v1.close();

    const latest = openDatabase(name);
    await latest.open();
    expect(latest.verno).toBe(LATEST_VERSION);
    expect(await latest.sites.get('s1')).toMatchObject({ name: 'HQ' });
    expect(await latest.rooms.get('r1')).toMatchObject({ name: '机房 1' });
    expect(await latest.devices.where('[siteId+assetTag]').equals(['s1', 'A-1']).count()).toBe(1);
    expect(await latest.answers.get('a1|d1|D1')).toMatchObject({
      result: 'fail',
      note: 'still cabled',
    });
    expect(await latest.audits.get('a1')).toMatchObject({ cursor: null });
    // Tables and defaults that v2 introduced.
    expect(await latest.reconciliations.count()).toBe(0);
    expect(await latest.auditRecords.count()).toBe(0);
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      expect(await latest.settings.get(key)).toEqual({ key, value });
    }
    latest.close();
  });

  it('upgrades a v3 database (the rows of the golden v1 backup, as written then) to the latest', async () => {
    // The rows exactly as database v3 held them: the golden backup file, photos left out.
    const backup = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../fixtures/golden/v1/backup.json'), 'utf8'),
    ) as { databaseVersion: number; tables: Record<string, Record<string, unknown>[]> };
    expect(backup.databaseVersion).toBe(3);
    const name = dbName();
    const v3 = await openAt(name, 3);
    for (const [table, rows] of Object.entries(backup.tables))
      if (table !== 'evidence') await v3.table(table).bulkAdd(rows);
    v3.close();

    const latest = openDatabase(name);
    await latest.open();
    expect(latest.verno).toBe(LATEST_VERSION);
    // Audits are records of version 2: no objectives, client or auditees stated, no zone.
    const audits = await latest.audits.toArray();
    expect(audits).toHaveLength(backup.tables.audits!.length);
    for (const a of audits) {
      expect(AuditSchema.safeParse(a).success).toBe(true);
      expect(a).toMatchObject({ objectives: '', auditClient: '', auditees: [], timeZone: null });
    }
    // Every finding read through the shared chain: one identity across audits.
    const findings = await latest.findings.toArray();
    expect(findings).toHaveLength(backup.tables.findings!.length);
    for (const f of findings) expect(FindingSchema.safeParse(f).success).toBe(true);
    const follow = backup.tables.audits!.find((a) => a.title === 'Q4 follow-up')!;
    const carried = findings.filter((f) => f.auditId === follow.id);
    const originals = findings.filter((f) => f.auditId === follow.priorAuditId);
    expect(carried.length).toBeGreaterThan(0);
    for (const c of carried) expect(originals.map((o) => o.lineageId)).toContain(c.lineageId);
    // The frozen record is a current snapshot with its figures; each audit has its scope.
    const record = (await latest.auditRecords.toArray())[0]!;
    expect(AuditSnapshotSchema.safeParse(record.snapshot).success).toBe(true);
    expect(record.snapshot.formatVersion).toBe(SNAPSHOT_FORMAT_VERSION);
    expect(record.snapshot.audit.timeZone).toBeNull();
    expect(record.snapshot.figures.devices).toBe(record.snapshot.devices.length);
    // v5: the record got its content-derived id; the finding event log starts empty.
    expect(record.recordId).toBe(recordId(record.snapshot));
    expect(await latest.findingEvents.count()).toBe(0);
    const scopes = await latest.auditScopes.toArray();
    expect(scopes.map((s) => s.auditId).sort()).toEqual(
      backup.tables.audits!.map((a) => a.id as string).sort(),
    );
    expect(scopes[0]!.devices.length).toBe(4);
    // Devices, the scopes' devices and the frozen record's are device v2 (last seen in use).
    for (const d of [
      ...(await latest.devices.toArray()),
      ...scopes.flatMap((x) => x.devices),
      ...record.snapshot.devices,
    ])
      expect(DeviceSchema.parse(d).lastSeen).toEqual({ date: null, source: 'unknown' });
    latest.close();
  });

  it('upgrades a v4 database: devices and scopes gain when they were last seen in use', async () => {
    const name = dbName();
    const v4 = await openAt(name, 4);
    // A device row as database 4 wrote it: no lastSeen.
    const { lastSeen, ...v1Device } = {
      ...blankDevice('s1', 'r1'),
      id: 'd1',
      name: 'old server',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    void lastSeen;
    await v4.table('devices').add(v1Device);
    await v4.table('auditScopes').add({
      auditId: 'a1',
      fixedAt: '2026-01-01T00:00:00.000Z',
      devices: [v1Device],
      decisions: [],
    });
    v4.close();

    const latest = openDatabase(name);
    await latest.open();
    expect(latest.verno).toBe(LATEST_VERSION);
    const device = DeviceSchema.parse(await latest.devices.get('d1'));
    expect(device).toEqual({ ...v1Device, lastSeen: { date: null, source: 'unknown' } });
    const scope = await latest.auditScopes.get('a1');
    expect(scope?.devices[0]).toEqual(device);
    latest.close();
  });

  it('opens a fresh database directly at the latest version', async () => {
    const db = openDatabase(dbName());
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      Object.keys(SCHEMA_VERSIONS.at(-1)!.stores).sort(),
    );
    db.close();
  });
});
