import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyAuditImport,
  planAuditImport,
} from '../../../../../renderer/db/repositories/audit-import.ts';
import { startAuditFromPrior } from '../../../../../renderer/db/repositories/carry-forward.ts';
import {
  readAllTables,
  replaceAllTables,
} from '../../../../../renderer/db/repositories/database-dump.ts';
import { buildAuditBundleText } from '../../../../../renderer/features/exchange/audit-bundle.ts';
import {
  backupToTables,
  buildBackupDocument,
} from '../../../../../renderer/features/exchange/backup-document.ts';
import { sha256Hex } from '../../../../../renderer/features/exchange/file-info.ts';
import { parseAuditBundle } from '../../../../../shared/exchange/audit-bundle.ts';
import { parseBackup } from '../../../../../shared/exchange/backup.ts';
import { restoreDatabase } from '../../../../../renderer/features/exchange/restore.ts';
import {
  DEMO_SCENARIO_DEVICE_COUNT,
  makeDemoAudit,
} from '../../../../../shared/demo/demo-audit.ts';
import { toHex } from '../../../../../shared/evidence/image-check.ts';
import type { RoomcheckDb } from '../../../../../renderer/db/db.ts';
import { arbDevice } from '../../../shared/domain/arbitraries.ts';
import { closeAll, comparableDump, freshDb } from '../../db/dump-support.ts';

afterEach(closeAll);

const info = { fileName: 'x.json', sha256: 'c'.repeat(64), by: 'tester' };

/** A database with imported audits, a carried-forward audit, loose devices, settings and photos. */
const arbContent = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  roomCount: fc.constantFrom(1 as const, 2 as const, 4 as const),
  extraDevices: fc.integer({ min: 0, max: 12 }),
  language: fc.constantFrom('en' as const, 'zh' as const),
  withPrior: fc.boolean(),
  carry: fc.boolean(),
  looseDevices: fc.array(arbDevice(), { maxLength: 4 }),
  settings: fc.dictionary(
    fc.string({ minLength: 1, maxLength: 12 }).filter((k) => k !== '__proto__'),
    fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown),
    { maxKeys: 4 },
  ),
  // PNG signature first: the bundle import accepts photos by their magic bytes.
  photos: fc.array(
    fc
      .uint8Array({ minLength: 0, maxLength: 200 })
      .map((tail) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...tail])),
    { maxLength: 3 },
  ),
});
type Content = typeof arbContent extends fc.Arbitrary<infer T> ? T : never;

async function fill(db: RoomcheckDb, c: Content): Promise<string> {
  const snap = makeDemoAudit({
    seed: c.seed,
    now: new Date('2025-05-01T00:00:00Z'),
    deviceCount: DEMO_SCENARIO_DEVICE_COUNT + c.extraDevices,
    roomCount: c.roomCount,
    language: c.language,
    withPrior: c.withPrior,
  });
  await applyAuditImport(db, await planAuditImport(db, snap, 'export'), {}, info);
  if (c.carry)
    await startAuditFromPrior(db, { priorAuditId: snap.audit.id, title: 'next', inspectors: [] });
  const room = snap.rooms[0]!;
  await db.devices.bulkAdd(
    c.looseDevices.map((d, i) => ({
      ...d,
      siteId: room.siteId,
      roomId: room.id,
      rackId: null,
      assetTag: `LOOSE-${i}`,
    })),
  );
  await db.settings.bulkPut(Object.entries(c.settings).map(([key, value]) => ({ key, value })));
  for (const [i, bytes] of c.photos.entries()) {
    const sha256 = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
    await db.evidence.add({
      id: `photo-${i}`,
      auditId: snap.audit.id,
      findingId: null,
      deviceId: null,
      fileName: `p${i}.png`,
      mimeType: 'image/png',
      size: bytes.length,
      sha256,
      caption: 'loose',
      createdAt: '2025-05-01T00:00:00.000Z',
      blob: new Blob([bytes], { type: 'image/png' }),
      thumbnail: i === 0 ? new Blob([bytes.slice(0, 1)], { type: 'image/jpeg' }) : null,
    });
  }
  return snap.audit.id;
}

describe('whole-database backup', () => {
  it('restores into an empty database exactly what was backed up (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbContent, async (content) => {
        const source = await freshDb();
        await fill(source, content);
        const before = await comparableDump(source);
        const text = JSON.stringify(
          await buildBackupDocument(await readAllTables(source), '1.2.3'),
        );
        // Read back by the same validating reader the app and the CLI use.
        const tables = backupToTables(await parseBackup(text, { sha256: sha256Hex }));
        const target = await freshDb();
        await replaceAllTables(target, tables);
        expect(await comparableDump(target)).toEqual(before);
        await closeAll();
      }),
      { numRuns: 10 },
    );
  }, 180_000);

  it('restoring replaces what was there and logs the restore in the same transaction', async () => {
    const source = await freshDb();
    await fill(source, {
      seed: 3,
      roomCount: 1,
      extraDevices: 0,
      language: 'en',
      withPrior: false,
      carry: false,
      looseDevices: [],
      settings: { language: 'zh' },
      photos: [],
    });
    const tables = backupToTables(
      await parseBackup(
        JSON.stringify(await buildBackupDocument(await readAllTables(source), '1.0.0')),
        { sha256: sha256Hex },
      ),
    );
    const target = await freshDb();
    await target.settings.put({ key: 'only-here', value: 1 });
    const log = await restoreDatabase(target, tables, { ...info, fileName: 'b.json' });
    expect(await target.settings.get('only-here')).toBeUndefined();
    expect((await target.settings.get('language'))?.value).toBe('zh');
    expect(await target.importLog.get(log.id)).toMatchObject({ source: 'backup-restore' });
    expect(await target.devices.count()).toBe(await source.devices.count());
  });

  it('a restore that fails half-way leaves the database as it was', async () => {
    const source = await freshDb();
    await fill(source, {
      seed: 9,
      roomCount: 2,
      extraDevices: 2,
      language: 'zh',
      withPrior: true,
      carry: true,
      looseDevices: [],
      settings: {},
      photos: [],
    });
    const tables = await readAllTables(source);
    const target = await freshDb();
    await fill(target, {
      seed: 10,
      roomCount: 1,
      extraDevices: 0,
      language: 'en',
      withPrior: false,
      carry: false,
      looseDevices: [],
      settings: { mine: true },
      photos: [new Uint8Array([1, 2, 3])],
    });
    const before = await comparableDump(target);
    // Two answers with one id: the answers' bulkAdd fails after other tables were cleared and refilled.
    const broken = { ...tables, answers: [...tables.answers, tables.answers[0]!] };
    await expect(replaceAllTables(target, broken)).rejects.toThrow();
    expect(await comparableDump(target)).toEqual(before);
  });
});

describe('audit export bundle', () => {
  it('imports into an empty database with the same audit, inventory, findings and photos (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbContent, async (content) => {
        const source = await freshDb();
        const auditId = await fill(source, { ...content, looseDevices: [] });
        const text = await buildAuditBundleText(source, auditId, '1.0.0');
        const read = await parseAuditBundle(text, { sha256: sha256Hex });
        const target = await freshDb();
        await applyAuditImport(
          target,
          await planAuditImport(target, read.snapshot, 'export'),
          {},
          info,
        );
        const a = await comparableDump(source);
        const b = await comparableDump(target);
        // The audit's own tables come across whole; the target has no other audit.
        for (const table of ['sites', 'rooms', 'racks', 'templates', 'answers', 'reconciliations'])
          expect(b[table], table).toEqual(
            a[table]!.filter((r) =>
              table === 'answers' || table === 'reconciliations'
                ? (r as { auditId: string }).auditId === auditId
                : true,
            ),
          );
        const mine = (rows: unknown[]) =>
          rows.filter((r) => (r as { auditId: string | null }).auditId === auditId);
        expect(mine(b.findings!)).toEqual(mine(a.findings!));
        // Thumbnails are a local convenience; bundles carry the photos themselves. The audit
        // is completed: its export holds the photos of its record, not rows added behind the
        // app's back since (the loose photos `fill` writes).
        const recorded = new Set(
          (await source.auditRecords.get(auditId))!.snapshot.evidence.map((e) => e.id),
        );
        const photo = (rows: unknown[]) =>
          mine(rows)
            .filter((r) => recorded.has((r as { id: string }).id))
            .map((r) => ({ ...(r as object), thumbnail: null }));
        expect(photo(b.evidence!)).toEqual(photo(a.evidence!));
        expect(photo(b.evidence!)).toHaveLength(recorded.size);
        expect(b.audits).toEqual(a.audits!.filter((r) => (r as { id: string }).id === auditId));
        const roomIds = new Set(read.snapshot.audit.roomIds);
        expect(b.devices).toEqual(
          a.devices!.filter((d) => roomIds.has((d as { roomId: string }).roomId)),
        );
        await closeAll();
      }),
      { numRuns: 8 },
    );
  }, 180_000);
});
