import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomcheckDb } from '../../../../renderer/db/db.ts';
import {
  completeAudit,
  recordAnswer,
  startAudit,
} from '../../../../renderer/db/repositories/audits.ts';
import {
  deleteDevices,
  restoreInventory,
  type RemovedInventory,
} from '../../../../renderer/db/repositories/inventory-edits.ts';
import {
  applyInventoryImport,
  readSiteInventory,
} from '../../../../renderer/db/repositories/inventory-import.ts';
import {
  blankDevice,
  createDevice,
  updateDevice,
  updateRoom,
} from '../../../../renderer/db/repositories/inventory.ts';
import { markDevice } from '../../../../renderer/db/repositories/reconciliation.ts';
import { buildAuditSnapshot } from '../../../../renderer/db/repositories/snapshot.ts';
import { applicableItems } from '../../../../shared/checklist/applicability.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import type { Device } from '../../../../shared/domain/schemas.ts';
import { canonicalJson } from '../../../../shared/record/canonical.ts';
import { buildReportModel } from '../../../../shared/report/report-model.ts';
import type { SignOff } from '../../../../shared/snapshot/schema.ts';
import { closeAll, freshDbWithTemplates, siteWithRoom } from './support.ts';

// Issue 8, "a completed audit never changes": after completion, any sequence of inventory
// edits, imports and deletions (and undoing them, and renaming the room) leaves the completed
// audit's report model, as JSON, byte-identical.

afterEach(closeAll);

const SIGN_OFF: SignOff = {
  inspector: { name: 'Wang Fang', role: 'Inspector' },
  approver: null,
  organisation: 'Bureau',
  unit: '',
  reportId: 'RC-1',
  reportVersion: 1,
  language: 'en',
  distribution: [],
};

async function completedAudit(db: RoomcheckDb) {
  const { site, room } = await siteWithRoom(db);
  const devices: Device[] = [];
  for (const [i, type] of (['server', 'ip_camera', 'switch', 'nvr_vms'] as const).entries())
    devices.push(
      await createDevice(db, {
        ...blankDevice(site.id, room.id),
        name: `dev-${i}`,
        assetTag: `AT-${i}`,
        type,
        status: i === 0 ? 'idle' : 'active',
      }),
    );
  const audit = await startAudit(db, {
    siteId: site.id,
    roomIds: [room.id],
    templateId: SECURE_ROOM_TEMPLATE.id,
    title: 'Q1',
    inspectors: ['Wang Fang'],
  });
  let n = 0;
  // Three of four devices inspected; the last is left unanswered on purpose.
  for (const d of devices.slice(0, 3))
    for (const item of applicableItems(SECURE_ROOM_TEMPLATE, d))
      await recordAnswer(db, {
        auditId: audit.id,
        roomId: room.id,
        deviceId: d.id,
        itemId: item.id,
        result: n++ % 4 === 1 ? 'fail' : 'pass',
        note: n % 4 === 1 ? 'seen' : '',
        by: 'Wang Fang',
      });
  await markDevice(db, {
    auditId: audit.id,
    deviceId: devices[2]!.id,
    state: 'wrong_location',
    note: '',
    by: 'Wang Fang',
  });
  await completeAudit(db, audit.id, '1.0.0');
  return { site, room, devices, audit };
}

async function reportJson(db: RoomcheckDb, auditId: string): Promise<string> {
  const snapshot = await buildAuditSnapshot(db, auditId, {
    appVersion: '9.9.9',
    signOff: SIGN_OFF,
    includeEvidenceBytes: true,
  });
  return canonicalJson(buildReportModel(snapshot, '2030-01-01T00:00:00.000Z'));
}

const arbOp = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    i: fc.nat(),
    status: fc.constantFrom('active', 'idle', 'disposed', 'missing' as const),
    name: fc.string({ minLength: 1, maxLength: 12 }),
  }),
  fc.record({ kind: fc.constant('import' as const), count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('delete' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({
    kind: fc.constant('renameRoom' as const),
    name: fc.string({ minLength: 1, maxLength: 20 }),
  }),
);

describe('a completed audit never changes', () => {
  it('its report model is byte-identical after any inventory edits, imports and deletions (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(arbOp, { minLength: 1, maxLength: 8 }), async (ops) => {
        const db = await freshDbWithTemplates();
        const { site, room, audit } = await completedAudit(db);
        const before = await reportJson(db, audit.id);
        const removals: RemovedInventory[] = [];
        for (const [step, op] of ops.entries()) {
          const live = await db.devices.where('roomId').equals(room.id).toArray();
          if (op.kind === 'edit' && live.length) {
            const d = live[op.i % live.length]!;
            await updateDevice(db, { ...d, status: op.status, name: op.name, power: 'on' });
          } else if (op.kind === 'import') {
            const inventory = await readSiteInventory(db, site.id);
            const now = new Date().toISOString();
            const add = Array.from({ length: op.count }, (_x, k) => ({
              ...blankDevice(site.id, room.id),
              // Unique per step: import, delete another device, import again would otherwise
              // reuse the first import's id (the site has as many devices again).
              id: `imp-${run}-${step}-${k}`,
              name: `imported ${k}`,
              createdAt: now,
              updatedAt: now,
            }));
            await applyInventoryImport(
              db,
              { siteId: site.id, basis: inventory.basis, rooms: [], racks: [], add, update: [] },
              {
                fileName: 'x.csv',
                sha256: 'c'.repeat(64),
                by: 't',
                source: 'inventory-csv',
                rejected: 0,
                skipped: 0,
              },
            );
          } else if (op.kind === 'delete' && live.length) {
            removals.push(await deleteDevices(db, [live[op.i % live.length]!.id]));
          } else if (op.kind === 'undo' && removals.length) {
            await restoreInventory(db, removals.pop()!).catch(() => undefined);
          } else if (op.kind === 'renameRoom') {
            const current = (await db.rooms.get(room.id))!;
            await updateRoom(db, { ...current, name: op.name });
          }
        }
        expect(await reportJson(db, audit.id)).toBe(before);
        run++;
        await closeAll();
      }),
      { numRuns: 12 },
    );
  }, 240_000);

  it('the report counts every unanswered step as not checked, and only the scope as devices', async () => {
    const db = await freshDbWithTemplates();
    const { audit, devices } = await completedAudit(db);
    const snapshot = await buildAuditSnapshot(db, audit.id, {
      appVersion: '1',
      signOff: SIGN_OFF,
      includeEvidenceBytes: false,
    });
    const model = buildReportModel(snapshot, '2030-01-01T00:00:00.000Z');
    const unanswered = applicableItems(SECURE_ROOM_TEMPLATE, devices[3]!).length;
    const roomItems = applicableItems(SECURE_ROOM_TEMPLATE, 'room').length;
    expect(model.answerCounts.unchecked).toBe(unanswered + roomItems);
    expect(snapshot.devices.map((d) => d.name).sort()).toEqual(devices.map((d) => d.name).sort());
    expect(snapshot.figures.devicesInspected).toBe(3);
  });
});
