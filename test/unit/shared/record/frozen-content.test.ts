import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecordId, contentId, frozenBeside } from '../../../../shared/record/frozen-record.ts';
import { DamagedRecordError, recordId } from '../../../../shared/record/record-id.ts';
import { parseAnySnapshot, SNAPSHOT_FORMAT_VERSION } from '../../../../shared/snapshot/schema.ts';

// A record given its id by an older version of the app (issue 8's backup v3: snapshot v2,
// device and audit records v1), then upgraded by this one: the id must still be checkable and
// still be the id, or every report and hub document naming it would lose its record.
const GOLDEN = join(import.meta.dirname, '../../../fixtures/golden/v2/backup.json');
const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as {
  tables: { auditRecords: { snapshot: Record<string, unknown>; recordId: string }[] };
};
const stored = golden.tables.auditRecords[0]!;
const upgraded = () => {
  const parsed = parseAnySnapshot(structuredClone(stored.snapshot));
  if (!parsed.success) throw new Error('the golden record does not read');
  return parsed.data;
};

describe('a record upgraded after its id was given', () => {
  it('is older than today and its id is of the content as frozen', () => {
    expect(stored.snapshot.formatVersion).toBeLessThan(SNAPSHOT_FORMAT_VERSION);
    expect(recordId(stored.snapshot as never)).toBe(stored.recordId);
    expect(recordId(upgraded())).not.toBe(stored.recordId);
  });

  it('keeps the frozen content beside the upgrade, and its id checks', () => {
    const snapshot = upgraded();
    const frozen = frozenBeside(stored, snapshot);
    expect(frozen).toEqual(stored.snapshot);
    const row = { snapshot, frozen, recordId: stored.recordId };
    expect(contentId(row)).toBe(stored.recordId);
    expect(() => checkRecordId('a', row)).not.toThrow();
  });

  it('keeps nothing when the upgrade changed nothing, or the record had no id yet', () => {
    const snapshot = upgraded();
    expect(frozenBeside({ snapshot, recordId: recordId(snapshot) }, snapshot)).toBeUndefined();
    expect(frozenBeside({ snapshot: stored.snapshot }, snapshot)).toBeUndefined();
  });

  it('is damaged when the frozen content or the upgraded snapshot changed', () => {
    const snapshot = upgraded();
    const frozen = structuredClone(stored.snapshot) as { audit: { title: string } };
    frozen.audit.title += ' (edited)';
    expect(contentId({ snapshot, frozen, recordId: stored.recordId })).toBeNull();
    expect(() => checkRecordId('a', { snapshot, frozen, recordId: stored.recordId })).toThrow(
      DamagedRecordError,
    );
    const edited = { ...snapshot, audit: { ...snapshot.audit, title: 'Another title' } };
    const row = { snapshot: edited, frozen: stored.snapshot, recordId: stored.recordId };
    expect(contentId(row)).toBeNull();
    expect(contentId({ snapshot, frozen: 'not a snapshot', recordId: stored.recordId })).toBeNull();
  });
});
