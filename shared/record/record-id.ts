import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { parseAnySnapshot, type AuditSnapshot } from '../snapshot/schema.ts';
import { canonicalJson } from './canonical.ts';

// A completed record's content-derived id: SHA-256 (hex, lower case) of the UTF-8 bytes of
// its canonical JSON (canonical.ts: keys sorted by code point, no whitespace). The record is
// the audit snapshot as the completion froze it: no sign-off, no evidence bytes (photos are
// named by SHA-256), no id of its own. A report's embedded snapshot is that record plus those
// three, so recomputing the id from a report gives the id of the record it was built from.
// Two copies of one record have the same id wherever they are stored, and a record whose
// bytes changed no longer matches the id it was stored with. Synchronous (pure JS hash) so the database upgrade
// can compute it inside its transaction, where awaiting WebCrypto would end the transaction.

export type RecordId = string;

export const RECORD_ID_PATTERN = /^[0-9a-f]{64}$/;

/** What the id is of: any snapshot version's JSON with an `evidence` list. */
type SnapshotContent = { evidence: readonly object[]; recordId?: unknown; signOff?: unknown };

/** The record a snapshot holds: without sign-off, evidence bytes or record id. */
export function recordContent<S extends SnapshotContent>(snapshot: S): Omit<S, 'recordId'> {
  const { recordId: _id, ...rest } = snapshot;
  return {
    ...rest,
    signOff: null,
    evidence: snapshot.evidence.map((e) => ({ ...e, dataBase64: null })),
  };
}

export function recordId(snapshot: SnapshotContent): RecordId {
  return bytesToHex(sha256(new TextEncoder().encode(canonicalJson(recordContent(snapshot)))));
}

/** The id as people read it on a screen or a page: its first 12 hex digits. */
export const shortRecordId = (id: RecordId): string => id.slice(0, 12);

/** A record read back whose content no longer gives the id it was stored with. */
export class DamagedRecordError extends Error {
  constructor(
    readonly auditId: string,
    readonly expected: RecordId,
    readonly actual: RecordId,
  ) {
    super(
      `The record of audit ${auditId} is damaged: its content gives id ${shortRecordId(actual)}, not the ${shortRecordId(expected)} it was stored with.`,
    );
    this.name = 'DamagedRecordError';
  }
}

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
