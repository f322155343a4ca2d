import { parseAnySnapshot, type AuditSnapshot } from '../snapshot/schema.ts';
import { canonicalJson } from './canonical.ts';
import { DamagedRecordError, recordId, type RecordId, type SnapshotContent } from './record-id.ts';

// A record's id never changes (record-id.ts says what it is of). When a newer app upgrades a
// record that already has its id, the row keeps the content as frozen beside the upgraded
// snapshot; the id is checked against that, and its upgrade must be the stored snapshot.
// Kept apart from record-id.ts, which the snapshot schema itself imports.

/**
 * A stored record: the snapshot the app reads (brought to the current version) and, when a
 * later version of the app upgraded it after its id was given, the content as it was frozen.
 * The id is always of the frozen content; an upgrade never changes a record's id, so the id a
 * signed report or a hub names still finds its record.
 */
export type StoredRecord = { snapshot: AuditSnapshot; frozen?: unknown; recordId?: string };

/**
 * The record's content as it was frozen, for a record upgraded to `upgraded`: kept when the
 * upgrade changed it (and not already kept), so that its id stays checkable.
 */
export function frozenBeside(
  row: { snapshot: unknown; frozen?: unknown; recordId?: string },
  upgraded: AuditSnapshot,
): unknown {
  if (row.frozen !== undefined || row.recordId === undefined) return row.frozen;
  return canonicalJson(row.snapshot) === canonicalJson(upgraded) ? undefined : row.snapshot;
}

/**
 * The id the record's content gives, or null when the content cannot be the record: a frozen
 * copy that is not a snapshot, or one whose upgrade is not the snapshot stored beside it.
 */
export function contentId(row: StoredRecord): RecordId | null {
  if (row.frozen === undefined) return recordId(row.snapshot);
  const upgraded = parseAnySnapshot(row.frozen);
  if (!upgraded.success || canonicalJson(upgraded.data) !== canonicalJson(row.snapshot))
    return null;
  return recordId(row.frozen as SnapshotContent);
}

/** Throws DamagedRecordError unless the record's content still gives its stored id. */
export function checkRecordId(auditId: string, row: StoredRecord): void {
  const expected = row.recordId ?? '';
  const actual = contentId(row);
  if (actual !== expected) throw new DamagedRecordError(auditId, expected, actual ?? 'unreadable');
}
