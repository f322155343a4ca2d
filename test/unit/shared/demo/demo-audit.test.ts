import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDemoPhotos } from '../../../../main/report/demo-assets.ts';
import { applicableItems } from '../../../../shared/checklist/applicability.ts';
import {
  DEMO_SCENARIO_DEVICE_COUNT,
  DEMO_SCENARIO_FINDING_COUNT,
  makeDemoAudit,
} from '../../../../shared/demo/demo-audit.ts';
import { FINDING_STATUSES, SEVERITIES } from '../../../../shared/domain/enums.ts';
import { base64ToBytes } from '../../../../shared/encoding/base64.ts';
import { AuditSnapshotSchema } from '../../../../shared/snapshot/schema.ts';

const now = new Date('2026-06-15T09:00:00.000Z');
const today = '2026-06-15';
const photos = loadDemoPhotos();
const demo = makeDemoAudit({ seed: 42, now, photos });

describe('makeDemoAudit', () => {
  it('makes a schema-valid snapshot with the default size', () => {
    expect(() => AuditSnapshotSchema.parse(demo)).not.toThrow();
    expect(demo.devices).toHaveLength(40);
    expect(demo.findings).toHaveLength(DEMO_SCENARIO_FINDING_COUNT);
    expect(demo.rooms.length).toBeGreaterThanOrEqual(3);
    expect(demo.racks.length).toBeGreaterThanOrEqual(5);
    expect(demo.rooms.map((r) => r.name)).toContain('主机房 A / Main computer room A');
  });

  it('is deterministic for a seed and varies with it, without reading the clock', () => {
    const again = makeDemoAudit({ seed: 42, now, photos });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = makeDemoAudit({ seed: 43, now, photos });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(demo));
    const later = makeDemoAudit({ seed: 42, now: new Date('2027-01-01T00:00:00Z'), photos });
    expect(later.audit.startedAt.startsWith('2026-12-30')).toBe(true);
    for (const file of ['demo-audit.ts', 'demo-catalogue.ts', 'prng.ts']) {
      const source = readFileSync(
        new URL(`../../../../shared/demo/${file}`, import.meta.url),
        'utf8',
      );
      expect(source).not.toMatch(/Math\.random|Date\.now|new Date\(\)/);
    }
  });

  it('tells the story the report is about', () => {
    const connected = (d: (typeof demo.devices)[number]) =>
      d.power === 'on' && d.network.state === 'connected';
    expect(
      demo.devices.some((d) => d.type === 'server' && d.status === 'idle' && connected(d)),
    ).toBe(true);
    expect(demo.devices.some((d) => d.status === 'decommissioning' && connected(d))).toBe(true);
    expect(
      demo.devices.some((d) => d.type === 'nvr_vms' && d.credentials.storesOtherCredentials),
    ).toBe(true);
    expect(
      demo.devices.filter((d) => d.type === 'ip_camera' && d.credentials.defaultChanged === 'no')
        .length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      demo.devices.filter(
        (d) => d.type === 'switch' && d.endOfSupport !== null && d.endOfSupport < today,
      ).length,
    ).toBeGreaterThanOrEqual(2);
    expect(demo.devices.some((d) => d.type === 'loose_media' && d.media.length > 0)).toBe(true);
    const sanitized = demo.devices.filter((d) => d.sanitization !== null);
    expect(sanitized.map((d) => d.status).sort()).toEqual(['disposed', 'sanitized']);
    expect(demo.devices.some((d) => /[\u4e00-\u9fff]/.test(d.notes))).toBe(true);
  });

  it('has findings of every severity and status, with owners and due dates', () => {
    for (const severity of SEVERITIES) {
      expect(demo.findings.some((f) => f.severity === severity)).toBe(true);
    }
    for (const status of FINDING_STATUSES) {
      expect(demo.findings.some((f) => f.status === status)).toBe(true);
    }
    expect(demo.findings.every((f) => f.owner.length > 0 && f.dueDate !== null)).toBe(true);
    expect(
      demo.findings.filter((f) => f.status === 'risk_accepted').every((f) => f.statusReason),
    ).toBe(true);
    expect(demo.findings.some((f) => f.itemId === null)).toBe(true);
    expect(demo.findings.some((f) => f.severityChanges.length > 0)).toBe(true);
    const overdue = demo.findings.filter(
      (f) => f.status === 'open' && f.dueDate !== null && f.dueDate < today,
    );
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('answers every applicable item once, failing those with a finding', () => {
    const ids = new Set(demo.answers.map((a) => a.id));
    expect(ids.size).toBe(demo.answers.length);
    const expected =
      demo.rooms.length * applicableItems(demo.template, 'room').length +
      demo.devices.reduce((n, d) => n + applicableItems(demo.template, d).length, 0);
    expect(demo.answers).toHaveLength(expected);
    for (const finding of demo.findings.filter((f) => f.itemId)) {
      const item = demo.template.items.find((i) => i.id === finding.itemId);
      const subject = item?.scope === 'device' ? finding.deviceId : null;
      const answer = demo.answers.find(
        (a) => a.itemId === finding.itemId && a.deviceId === subject && a.roomId === finding.roomId,
      );
      expect(answer?.result, finding.title).toBe('fail');
    }
  });

  it('reconciles every device, with not-found, unexpected and wrong-location entries', () => {
    expect(demo.reconciliations).toHaveLength(demo.devices.length);
    const states = new Set(demo.reconciliations.map((r) => r.state));
    expect([...states].sort()).toEqual(['found', 'not_found', 'unexpected', 'wrong_location']);
  });

  it('carries a prior audit that differs: added, missing, moved, changed, recurring, resolved', () => {
    const prior = demo.prior;
    expect(prior).not.toBeNull();
    if (!prior) return;
    const priorIds = new Set(prior.devices.map((d) => d.id));
    const currentIds = new Set(demo.devices.map((d) => d.id));
    expect(demo.devices.some((d) => !priorIds.has(d.id))).toBe(true);
    expect(prior.devices.some((d) => !currentIds.has(d.id))).toBe(true);
    const priorById = new Map(prior.devices.map((d) => [d.id, d]));
    expect(
      demo.devices.some((d) => priorById.get(d.id)?.rackId !== d.rackId && priorById.has(d.id)),
    ).toBe(true);
    expect(
      demo.devices.some((d) => priorById.has(d.id) && priorById.get(d.id)?.status !== d.status),
    ).toBe(true);
    expect(demo.audit.priorAuditId).toBe(prior.audit.id);
    const recurring = demo.findings.filter((f) => f.firstSeenAuditId === prior.audit.id);
    expect(recurring.length).toBeGreaterThan(0);
    const key = (f: { deviceId: string | null; itemId: string | null }) =>
      `${f.deviceId}|${f.itemId}`;
    const currentKeys = new Set(demo.findings.map(key));
    expect(prior.findings.some((f) => !currentKeys.has(key(f)))).toBe(true);
    const none = makeDemoAudit({ seed: 42, now, withPrior: false });
    expect(none.prior).toBeNull();
    expect(none.audit.priorAuditId).toBeNull();
    expect(none.findings.every((f) => f.firstSeenAuditId === none.audit.id)).toBe(true);
  });

  it('embeds the photos byte for byte, with their hashes, on the findings they show', () => {
    expect(demo.evidence).toHaveLength(2);
    for (const [i, ev] of demo.evidence.entries()) {
      const bytes = base64ToBytes(ev.dataBase64 ?? '');
      expect(bytes).toEqual(photos[i]?.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(ev.sha256);
      expect(ev.size).toBeLessThan(60_000);
      expect(demo.findings.some((f) => f.id === ev.findingId)).toBe(true);
    }
    expect(() =>
      makeDemoAudit({ seed: 1, now, photos: [{ ...photos[0]!, sha256: 'abc' }] }),
    ).toThrow(/sha256 must be 64/);
  });

  it('writes the inspector’s texts in the requested language', () => {
    const zh = makeDemoAudit({ seed: 42, now, language: 'zh' });
    expect(zh.signOff?.language).toBe('zh');
    expect(zh.findings.every((f) => /[\u4e00-\u9fff]/.test(f.title))).toBe(true);
    expect(demo.signOff?.language).toBe('en');
    expect(demo.findings[0]?.title).toMatch(/^Idle OA server/);
  });

  it('scales to benchmark sizes and refuses impossible ones', () => {
    const big = makeDemoAudit({ seed: 5, now, deviceCount: 500, findingCount: 1000 });
    expect(big.devices).toHaveLength(500);
    expect(big.findings).toHaveLength(1000);
    expect(new Set(big.findings.map((f) => `${f.deviceId}|${f.itemId}`)).size).toBe(1000);
    expect(() => AuditSnapshotSchema.parse(big)).not.toThrow();

    const room = makeDemoAudit({ seed: 5, now, deviceCount: 2000, roomCount: 1 });
    expect(room.rooms).toHaveLength(1);
    expect(room.devices).toHaveLength(2000);
    expect(room.devices.every((d) => d.roomId === room.rooms[0]?.id)).toBe(true);
    const slots = new Set<string>();
    for (const d of room.devices.filter((x) => x.rackId)) {
      expect(d.positionU).not.toBeNull();
      for (let u = 0; u < d.heightU; u++) {
        const slot = `${d.rackId}:${(d.positionU ?? 0) + u}`;
        expect(slots.has(slot), slot).toBe(false);
        slots.add(slot);
      }
    }
    expect(() =>
      makeDemoAudit({ seed: 1, now, deviceCount: DEMO_SCENARIO_DEVICE_COUNT - 1 }),
    ).toThrow(/deviceCount must be/);
    expect(() => makeDemoAudit({ seed: 1, now, deviceCount: 30, findingCount: 5000 })).toThrow(
      /more than 30 devices can carry/,
    );
    expect(() => makeDemoAudit({ seed: 1, now: new Date(Number.NaN) })).toThrow(/valid `now`/);
  });
});
