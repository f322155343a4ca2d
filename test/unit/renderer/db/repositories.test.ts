import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomcheckDb } from '../../../../renderer/db/db.ts';
import {
  AuditLockedError,
  saveAnswer,
  startAudit,
} from '../../../../renderer/db/repositories/audits.ts';
import {
  blankDevice,
  createDevice,
  createRoom,
  DuplicateAssetTagError,
  updateDevice,
} from '../../../../renderer/db/repositories/inventory.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import { closeAll, freshDbWithTemplates, siteWithRoom } from './support.ts';

let db: RoomcheckDb;
beforeEach(async () => {
  db = await freshDbWithTemplates();
});
afterEach(closeAll);

const room = () => siteWithRoom(db, { organisation: 'Unit 1' });

describe('inventory repository', () => {
  it('refuses a second device with the same asset tag in one site and writes nothing', async () => {
    const { site, room: r } = await room();
    await createDevice(db, { ...blankDevice(site.id, r.id), name: 'one', assetTag: 'A-1' });
    await expect(
      createDevice(db, { ...blankDevice(site.id, r.id), name: 'two', assetTag: 'A-1' }),
    ).rejects.toBeInstanceOf(DuplicateAssetTagError);
    expect(await db.devices.count()).toBe(1);
  });

  it('lets a device keep its own asset tag on update, but not take another one', async () => {
    const { site, room: r } = await room();
    const a = await createDevice(db, { ...blankDevice(site.id, r.id), name: 'a', assetTag: 'A-1' });
    await createDevice(db, { ...blankDevice(site.id, r.id), name: 'b', assetTag: 'B-1' });
    await expect(updateDevice(db, { ...a, name: 'renamed' })).resolves.toMatchObject({
      name: 'renamed',
    });
    await expect(updateDevice(db, { ...a, assetTag: 'B-1' })).rejects.toBeInstanceOf(
      DuplicateAssetTagError,
    );
    expect((await db.devices.get(a.id))?.assetTag).toBe('A-1');
  });

  it('refuses invalid records before they reach the database', async () => {
    const { site, room: r } = await room();
    await expect(
      createDevice(db, { ...blankDevice(site.id, r.id), type: 'toaster' as never }),
    ).rejects.toThrow();
    await expect(
      createRoom(db, {
        siteId: 'missing',
        name: 'x',
        building: '',
        floor: '',
        classification: 'secret',
        auditIntervalDays: 90,
        notes: '',
      }),
    ).rejects.toThrow(/site/);
    expect(await db.devices.count()).toBe(0);
  });
});

describe('audit repository', () => {
  it('stores an answer and moves the cursor to it in one go', async () => {
    const { site, room: r } = await room();
    const audit = await startAudit(db, {
      siteId: site.id,
      roomIds: [r.id],
      templateId: SECURE_ROOM_TEMPLATE.id,
      title: 't',
      inspectors: [],
    });
    const answer = await saveAnswer(db, {
      auditId: audit.id,
      roomId: r.id,
      deviceId: null,
      itemId: 'P1',
      result: 'pass',
      note: 'ok',
      by: 'me',
    });
    expect(await db.answers.get(answer.id)).toMatchObject({ result: 'pass', note: 'ok' });
    expect((await db.audits.get(audit.id))?.cursor).toEqual({
      roomId: r.id,
      deviceId: null,
      itemId: 'P1',
    });
  });

  it('writes neither answer nor cursor when the audit is completed', async () => {
    const { site, room: r } = await room();
    const audit = await startAudit(db, {
      siteId: site.id,
      roomIds: [r.id],
      templateId: SECURE_ROOM_TEMPLATE.id,
      title: 't',
      inspectors: [],
    });
    await db.audits.update(audit.id, { status: 'completed' });
    await expect(
      saveAnswer(db, {
        auditId: audit.id,
        roomId: r.id,
        deviceId: null,
        itemId: 'P1',
        result: 'fail',
        note: '',
        by: '',
      }),
    ).rejects.toBeInstanceOf(AuditLockedError);
    expect(await db.answers.count()).toBe(0);
    expect((await db.audits.get(audit.id))?.cursor).toBeNull();
  });

  it('refuses to start an audit with a template that does not exist', async () => {
    const { site, room: r } = await room();
    await expect(
      startAudit(db, {
        siteId: site.id,
        roomIds: [r.id],
        templateId: 'nope',
        title: 't',
        inspectors: [],
      }),
    ).rejects.toThrow(/template/);
    expect(await db.audits.count()).toBe(0);
  });
});
