import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomcheckDb } from '../../../../renderer/db/db.ts';
import {
  AuditLockedError,
  completeAudit,
  moveCursor,
  recordAnswer,
  reopenAudit,
  startAudit,
  type AnswerInput,
} from '../../../../renderer/db/repositories/audits.ts';
import {
  addFindingEvidence,
  listFindingEvidence,
  removeEvidence,
} from '../../../../renderer/db/repositories/evidence.ts';
import {
  changeSeverity,
  createManualFinding,
  ReasonRequiredError,
  setFindingStatus,
  updateRemediation,
} from '../../../../renderer/db/repositories/findings.ts';
import {
  blankDevice,
  createDevice,
  createRoom,
  DuplicateAssetTagError,
} from '../../../../renderer/db/repositories/inventory.ts';
import {
  addUnexpectedDevice,
  markDevice,
} from '../../../../renderer/db/repositories/reconciliation.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import { answerId } from '../../../../shared/domain/schemas.ts';
import { autoFindingId } from '../../../../shared/findings/findings.ts';
import { closeAll, freshDbWithTemplates, siteWithRoom } from './support.ts';

let db: RoomcheckDb;
beforeEach(async () => {
  db = await freshDbWithTemplates();
});
afterEach(closeAll);

async function setup() {
  const { site, room } = await siteWithRoom(db);
  const other = await createRoom(db, { ...room, name: 'Room B' });
  const switchDevice = await createDevice(db, {
    ...blankDevice(site.id, room.id),
    name: 'Core switch',
    type: 'switch',
    assetTag: 'SW-1',
  });
  const audit = await startAudit(db, {
    siteId: site.id,
    roomIds: [room.id],
    templateId: SECURE_ROOM_TEMPLATE.id,
    title: 'Audit',
    inspectors: ['Wang Fang'],
  });
  const answer = (overrides: Partial<AnswerInput>) =>
    recordAnswer(db, {
      auditId: audit.id,
      roomId: room.id,
      deviceId: switchDevice.id,
      itemId: 'F1',
      result: 'pass',
      note: '',
      by: 'Wang Fang',
      ...overrides,
    });
  return { site, room, other, switchDevice, audit, answer };
}

describe('answers and their findings', () => {
  it('a failed item raises one finding with the severity the item has for this device', async () => {
    const { switchDevice, audit, answer } = await setup();
    const saved = await answer({ result: 'fail', note: 'EoS 2023', lang: 'zh' });
    // F1 is Medium in the template and High for a network device.
    expect(saved.finding).toMatchObject({
      severity: 'high',
      status: 'open',
      detail: 'EoS 2023',
      deviceId: switchDevice.id,
      itemId: 'F1',
      firstSeenAuditId: audit.id,
    });
    expect(saved.finding?.title).toMatch(/^F1: .*[\u4e00-\u9fff]/);
    await answer({ result: 'fail', note: 'EoS 2023' });
    expect(await db.findings.count()).toBe(1);
  });

  it('the note of a failed item follows into the finding until the detail is edited', async () => {
    const { answer } = await setup();
    const first = await answer({ result: 'fail', note: '' });
    await answer({ result: 'fail', note: 'Port 12 still up' });
    expect((await db.findings.get(first.finding!.id))?.detail).toBe('Port 12 still up');
    await updateRemediation(db, first.finding!.id, { detail: 'Edited by hand' });
    await answer({ result: 'fail', note: 'Another note' });
    expect((await db.findings.get(first.finding!.id))?.detail).toBe('Edited by hand');
  });

  it('changing a mistyped fail withdraws the untouched finding', async () => {
    const { answer } = await setup();
    await answer({ result: 'fail' });
    const saved = await answer({ result: 'pass' });
    expect(saved).toMatchObject({ finding: null, keptFinding: null });
    expect(await db.findings.count()).toBe(0);
  });

  it('keeps a finding somebody worked on, and says so', async () => {
    const { answer } = await setup();
    const { finding } = await answer({ result: 'fail' });
    await updateRemediation(db, finding!.id, { owner: 'Network team' });
    const saved = await answer({ result: 'na' });
    expect(saved.keptFinding?.id).toBe(finding!.id);
    expect(await db.findings.count()).toBe(1);
  });

  it('keeps a finding with evidence', async () => {
    const { answer } = await setup();
    const { finding } = await answer({ result: 'fail' });
    await addFindingEvidence(db, finding!.id, photo('a'.repeat(64)));
    await answer({ result: 'pass' });
    expect(await db.findings.get(finding!.id)).toBeDefined();
  });

  it('stores the answer, the finding and the resume point together, with the finding id derived from the answer', async () => {
    const { audit, room, switchDevice, answer } = await setup();
    const next = { roomId: room.id, deviceId: switchDevice.id, itemId: 'F2' };
    const { answer: saved } = await answer({ result: 'fail', cursorAfter: next });
    expect(saved.id).toBe(answerId(audit.id, room.id, switchDevice.id, 'F1'));
    expect(await db.findings.get(autoFindingId(saved.id))).toBeDefined();
    expect((await db.audits.get(audit.id))?.cursor).toEqual(next);
  });
});

describe('completing and reopening', () => {
  it('locks answers, manual findings, severity changes, marks and evidence once completed', async () => {
    const { audit, room, switchDevice, answer } = await setup();
    const { finding } = await answer({ result: 'fail' });
    await completeAudit(db, audit.id);
    await expect(answer({ result: 'pass' })).rejects.toBeInstanceOf(AuditLockedError);
    await expect(
      createManualFinding(db, {
        auditId: audit.id,
        roomId: room.id,
        deviceId: null,
        severity: 'low',
        title: 'x',
        detail: '',
      }),
    ).rejects.toBeInstanceOf(AuditLockedError);
    await expect(changeSeverity(db, finding!.id, 'low', 'lab only', 'me')).rejects.toBeInstanceOf(
      AuditLockedError,
    );
    await expect(
      markDevice(db, {
        auditId: audit.id,
        deviceId: switchDevice.id,
        state: 'not_found',
        note: '',
        by: '',
      }),
    ).rejects.toBeInstanceOf(AuditLockedError);
    await expect(addFindingEvidence(db, finding!.id, photo('b'.repeat(64)))).rejects.toBeInstanceOf(
      AuditLockedError,
    );
    await expect(updateRemediation(db, finding!.id, { detail: 'rewrite' })).rejects.toBeInstanceOf(
      AuditLockedError,
    );
    // The cursor does not move and nothing else changed.
    const before = (await db.audits.get(audit.id))?.cursor;
    expect(before?.itemId).toBe('F1');
    await moveCursor(db, audit.id, { roomId: room.id, deviceId: null, itemId: 'P1' });
    expect((await db.audits.get(audit.id))?.cursor).toEqual(before);
    expect(await db.answers.get(answerId(audit.id, room.id, switchDevice.id, 'F1'))).toMatchObject({
      result: 'fail',
    });
  });

  it('locks findings with the audit: remediation goes on in the follow-up it is carried into', async () => {
    const { audit, answer } = await setup();
    const { finding } = await answer({ result: 'fail' });
    await updateRemediation(db, finding!.id, { owner: 'Li', dueDate: '2026-06-30' });
    await completeAudit(db, audit.id);
    const before = await db.findings.get(finding!.id);
    await expect(updateRemediation(db, finding!.id, { owner: 'Zhao' })).rejects.toThrow(
      AuditLockedError,
    );
    await expect(setFindingStatus(db, finding!.id, 'in_remediation', '')).rejects.toThrow(
      AuditLockedError,
    );
    expect(await db.findings.get(finding!.id)).toEqual(before);
    expect((await db.auditRecords.get(audit.id))?.snapshot.findings).toEqual([before]);
  });

  it('reopening needs who and why and records both', async () => {
    const { audit, answer } = await setup();
    await completeAudit(db, audit.id);
    await expect(reopenAudit(db, audit.id, 'Li', '  ')).rejects.toThrow(/reason/);
    await expect(reopenAudit(db, audit.id, '', 'Rack C missed')).rejects.toThrow(/who/);
    const reopened = await reopenAudit(db, audit.id, 'Li Ming', 'Rack C was missed');
    expect(reopened.status).toBe('in_progress');
    expect(reopened.completedAt).toBeNull();
    expect(reopened.reopenLog).toEqual([
      { by: 'Li Ming', at: expect.any(String), reason: 'Rack C was missed' },
    ]);
    await expect(answer({ result: 'pass' })).resolves.toBeDefined();
  });

  it('refuses to reopen a signed audit or one that is not completed', async () => {
    const { audit } = await setup();
    await expect(reopenAudit(db, audit.id, 'Li', 'why')).rejects.toThrow(/completed/);
    await db.audits.update(audit.id, { status: 'signed' });
    await expect(reopenAudit(db, audit.id, 'Li', 'why')).rejects.toThrow(/signed/);
  });
});

describe('findings by hand, severity and status', () => {
  it('creates a manual finding only for a room of the audit and a device of that room', async () => {
    const { audit, room, other, switchDevice } = await setup();
    const base = {
      auditId: audit.id,
      severity: 'medium' as const,
      title: 'Door propped open',
      detail: '',
    };
    const f = await createManualFinding(db, { ...base, roomId: room.id, deviceId: null });
    expect(f).toMatchObject({ itemId: null, status: 'open' });
    await expect(
      createManualFinding(db, { ...base, roomId: other.id, deviceId: null }),
    ).rejects.toThrow(/not part of the audit/);
    await expect(
      createManualFinding(db, { ...base, roomId: room.id, deviceId: 'nope' }),
    ).rejects.toThrow(/not in the chosen room/);
    await expect(
      createManualFinding(db, { ...base, title: '  ', roomId: room.id, deviceId: switchDevice.id }),
    ).rejects.toThrow(/title/);
    expect(await db.findings.count()).toBe(1);
  });

  it('records every severity change with its reason', async () => {
    const { answer } = await setup();
    const { finding } = await answer({ result: 'fail' });
    await expect(changeSeverity(db, finding!.id, 'low', ' ', 'me')).rejects.toThrow(/reason/);
    const changed = await changeSeverity(db, finding!.id, 'medium', 'Isolated lab VLAN', 'Wang');
    expect(changed.severity).toBe('medium');
    expect(changed.severityChanges).toEqual([
      {
        from: 'high',
        to: 'medium',
        reason: 'Isolated lab VLAN',
        by: 'Wang',
        at: expect.any(String),
      },
    ]);
  });

  it('accepts a risk only with a reason and keeps the finding unchanged otherwise', async () => {
    const { answer } = await setup();
    const { finding } = await answer({ result: 'fail' });
    await expect(setFindingStatus(db, finding!.id, 'risk_accepted', '')).rejects.toBeInstanceOf(
      ReasonRequiredError,
    );
    expect((await db.findings.get(finding!.id))?.status).toBe('open');
    await setFindingStatus(db, finding!.id, 'risk_accepted', 'Replacement budgeted for Q3');
    expect(await db.findings.get(finding!.id)).toMatchObject({
      status: 'risk_accepted',
      statusReason: 'Replacement budgeted for Q3',
    });
  });

  it('refuses a malformed due date', async () => {
    const { answer } = await setup();
    const { finding } = await answer({ result: 'fail' });
    await expect(updateRemediation(db, finding!.id, { dueDate: '2026-02-30x' })).rejects.toThrow(
      /YYYY-MM-DD/,
    );
  });
});

function photo(sha256: string) {
  return {
    fileName: 'rack.jpg',
    mimeType: 'image/jpeg' as const,
    blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: 'image/jpeg' }),
    sha256,
    thumbnail: null,
  };
}

describe('evidence', () => {
  it('stores a photo once per finding, with its hash, and removes it', async () => {
    const { answer } = await setup();
    const { finding } = await answer({ result: 'fail' });
    const first = await addFindingEvidence(db, finding!.id, photo('c'.repeat(64)));
    const again = await addFindingEvidence(db, finding!.id, photo('c'.repeat(64)));
    expect(again).toMatchObject({ duplicate: true, row: { id: first.row.id } });
    const rows = await listFindingEvidence(db, finding!.id);
    expect(rows.map((r) => [r.sha256, r.size, r.deviceId])).toEqual([
      ['c'.repeat(64), 4, finding!.deviceId],
    ]);
    await removeEvidence(db, first.row.id);
    expect(await db.evidence.count()).toBe(0);
  });

  it('refuses a malformed hash', async () => {
    const { answer } = await setup();
    const { finding } = await answer({ result: 'fail' });
    await expect(addFindingEvidence(db, finding!.id, photo('not-a-hash'))).rejects.toThrow();
    expect(await db.evidence.count()).toBe(0);
  });
});

describe('reconciliation', () => {
  it('marks a device not found or moved, and clears the mark', async () => {
    const { audit, switchDevice } = await setup();
    const mark = (state: 'not_found' | 'wrong_location' | 'found') =>
      markDevice(db, { auditId: audit.id, deviceId: switchDevice.id, state, note: '', by: 'W' });
    await mark('not_found');
    expect((await db.reconciliations.toArray()).map((r) => r.state)).toEqual(['not_found']);
    await mark('wrong_location');
    expect((await db.reconciliations.toArray()).map((r) => r.state)).toEqual(['wrong_location']);
    await mark('found');
    expect(await db.reconciliations.count()).toBe(0);
  });

  it('refuses to mark a device of a room outside the audit', async () => {
    const { audit, site, other } = await setup();
    const elsewhere = await createDevice(db, { ...blankDevice(site.id, other.id), name: 'x' });
    await expect(
      markDevice(db, {
        auditId: audit.id,
        deviceId: elsewhere.id,
        state: 'not_found',
        note: '',
        by: '',
      }),
    ).rejects.toThrow(/not in the scope of this audit/);
  });

  it('adds an unexpected device to the inventory, first seen in this audit, flagged in one go', async () => {
    const { audit, site, room } = await setup();
    const { device, record } = await addUnexpectedDevice(db, {
      auditId: audit.id,
      draft: { ...blankDevice(site.id, room.id), name: '4G 路由器 / 4G router', type: 'router' },
      note: 'Behind rack A03',
      by: 'W',
    });
    expect(device.firstSeenAuditId).toBe(audit.id);
    expect(record).toMatchObject({
      state: 'unexpected',
      deviceId: device.id,
      note: 'Behind rack A03',
    });
    // It stays unexpected even if somebody then marks it found.
    await markDevice(db, {
      auditId: audit.id,
      deviceId: device.id,
      state: 'found',
      note: '',
      by: '',
    });
    expect((await db.reconciliations.get(record.id))?.state).toBe('unexpected');
  });

  it('writes neither device nor mark when the asset tag is taken', async () => {
    const { audit, site, room } = await setup();
    await expect(
      addUnexpectedDevice(db, {
        auditId: audit.id,
        draft: { ...blankDevice(site.id, room.id), name: 'dup', assetTag: 'SW-1' },
        note: '',
        by: '',
      }),
    ).rejects.toBeInstanceOf(DuplicateAssetTagError);
    expect(await db.devices.count()).toBe(1);
    expect(await db.reconciliations.count()).toBe(0);
  });
});
