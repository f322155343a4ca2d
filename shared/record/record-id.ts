import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
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
export type SnapshotContent = {
  evidence: readonly object[];
  recordId?: unknown;
  signOff?: unknown;
};

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
