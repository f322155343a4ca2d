import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSnapshot } from '../../../../main/report/embed-snapshot.ts';
import { readListLines, timeZoneChoices } from '../../../../shared/audit/brief.ts';
import { CURRENT_VERSIONS, upgradeRecord } from '../../../../shared/migrations/records.ts';
import { parseAnySnapshot, SNAPSHOT_FORMAT_VERSION } from '../../../../shared/snapshot/schema.ts';

// Audit record v2 (objectives, audit client, auditees, time zone) and snapshot v3 (the
// distribution list): older records and files read with the new fields empty.

const GOLDEN = join(import.meta.dirname, '../../../fixtures/golden');

describe('audit record v2 and snapshot v3', () => {
  it('a v1 audit gets no objectives, client, auditees or zone, and keeps everything else', () => {
    const v1 = { id: 'a1', title: 'Q1', inspectors: ['王芳'], status: 'completed' };
    expect(CURRENT_VERSIONS.audit).toBe(2);
    expect(upgradeRecord('audit', v1, 1)).toEqual({
      ...v1,
      objectives: '',
      auditClient: '',
      auditees: [],
      timeZone: null,
    });
    // A v2 audit is not touched.
    const v2 = { ...v1, objectives: 'x', auditClient: 'c', auditees: ['u'], timeZone: 'UTC' };
    expect(upgradeRecord('audit', v2, 2)).toBe(v2);
  });

  it('the golden v1 signed report reads as a current snapshot with an empty distribution list', () => {
    const snapshot = extractSnapshot(
      new Uint8Array(readFileSync(join(GOLDEN, 'v1/signed-report.pdf'))),
    );
    expect(snapshot.formatVersion).toBe(SNAPSHOT_FORMAT_VERSION);
    expect(snapshot.signOff?.distribution).toEqual([]);
    expect(snapshot.audit).toMatchObject({ objectives: '', auditees: [], timeZone: null });
    expect(snapshot.prior?.audit.timeZone ?? null).toBeNull();
  });

  it('a snapshot declaring audit records newer than this code is refused by name', () => {
    const snapshot = extractSnapshot(
      new Uint8Array(readFileSync(join(GOLDEN, 'v1/signed-report.pdf'))),
    );
    const parsed = parseAnySnapshot({ ...snapshot, records: { ...snapshot.records, audit: 3 } });
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(parsed.error.issues[0]!.message).toContain('audit records of version 3');
  });

  it('lists typed one per line: trimmed, blanks and repeats dropped, limits said', () => {
    expect(readListLines(' 信息中心 \r\n\n安防科\n信息中心\n', 5).entries).toEqual([
      '信息中心',
      '安防科',
    ]);
    expect(readListLines('a\nb\nc', 2).problem).toEqual({ kind: 'tooMany', max: 2 });
    expect(readListLines(`ok\n${'x'.repeat(201)}`, 5).problem).toEqual({
      kind: 'tooLong',
      line: 2,
      max: 200,
    });
  });
});

describe('timeZoneChoices', () => {
  it("lists UTC and the IANA zones once each, with the audit's own zone even when unusual", () => {
    const zones = timeZoneChoices('Etc/GMT-8');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Asia/Shanghai');
    expect(zones).toContain('Etc/GMT-8');
    expect(new Set(zones).size).toBe(zones.length);
    expect(timeZoneChoices(null)).not.toContain('Etc/GMT-8');
  });
});
