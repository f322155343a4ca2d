import type { Database, Doc } from 'pouchdb-core';
import { bytesToBase64 } from '../../shared/encoding/base64.ts';
import { frozenBeside } from '../../shared/record/frozen-record.ts';
import { recordId } from '../../shared/record/record-id.ts';
import type { AuditSnapshot } from '../../shared/snapshot/schema.ts';
import {
  auditDoc,
  auditDocContent,
  editableDoc,
  readAuditDoc,
  readEditableDoc,
  sameContent,
  type AuditDocBody,
  type EditableDoc,
} from '../../shared/hub/documents.ts';
import { docId } from '../../shared/hub/names.ts';
import type { RoomcheckDb } from '../db/db.ts';
import {
  applyReceived,
  evidenceBytes,
  sharedContent,
  type Received,
} from '../db/repositories/hub-mirror.ts';
import type { AuditRecordRow } from '../db/types.ts';

// Between the app's own database (Dexie) and the PouchDB mirror of one hub site. Publishing
// writes what changed in Dexie into the mirror (inventory and templates as editable documents,
// each completed audit once as an immutable document with its photos attached); receiving
// writes the mirror's winning revisions into Dexie. Replication itself is PouchDB's.

export async function sha256Hex(content: string | Uint8Array): Promise<string> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function auditBody(record: AuditRecordRow, site: string, publishedBy: string): AuditDocBody {
  return {
    kind: 'audit',
    format: 1,
    site,
    publishedBy,
    status: 'completed',
    record: {
      auditId: record.auditId,
      siteId: record.siteId,
      roomIds: record.roomIds,
      completedAt: record.completedAt,
      // The content the record's id is of: as frozen, when this laptop has since upgraded it.
      snapshot: (record.frozen ?? record.snapshot) as AuditSnapshot,
    },
  };
}

/**
 * A _local document (never replicated) noting that this record of an audit is in the mirror. A
 * reopened and completed again audit has a new record (a new completion time): published anew.
 */
const publishedMarker = (record: AuditRecordRow) =>
  `_local/published-${record.auditId}-${record.completedAt}`;

export type PublishPlan = { editable: EditableDoc[]; audits: AuditRecordRow[] };

/** What publishing would write: documents whose content differs from the mirror's. */
export async function publishPlan(
  db: RoomcheckDb,
  local: Database,
  site: string,
): Promise<PublishPlan> {
  const content = await sharedContent(db, site);
  const ids = content.rows.map(({ kind, row }) => docId(kind, row.id));
  const existing = await local.allDocs({ include_docs: true, keys: ids });
  const byId = new Map(existing.rows.filter((r) => r.doc).map((r) => [r.id, r.doc as Doc]));
  const editable = content.rows
    .map(({ kind, row }) => editableDoc(kind, site, row))
    .filter((doc) => {
      const current = byId.get(doc._id) as EditableDoc | undefined;
      return !current || !sameContent(current, doc);
    });
  const audits: AuditRecordRow[] = [];
  for (const record of content.records) {
    if (!(await local.get(publishedMarker(record)).catch(() => null))) audits.push(record);
  }
  return { editable, audits };
}

/** Writes the plan into the mirror; returns the number of documents written. */
export async function publish(
  db: RoomcheckDb,
  local: Database,
  site: string,
  publishedBy: string,
): Promise<number> {
  const plan = await publishPlan(db, local, site);
  let written = 0;
  for (const doc of plan.editable) {
    const current = await local.get(doc._id).catch(() => null);
    await local.put(current ? { ...doc, _rev: current._rev } : doc);
    written++;
  }
  for (const record of plan.audits) {
    const body = auditBody(record, site, publishedBy);
    const sha = await sha256Hex(auditDocContent(body));
    const attachments: Record<string, { content_type: string; data: string }> = {};
    for (const photo of await evidenceBytes(db, record.snapshot)) {
      attachments[photo.sha256] = {
        content_type: photo.mimeType,
        data: bytesToBase64(new Uint8Array(await photo.blob.arrayBuffer())),
      };
    }
    const doc = auditDoc(body, sha);
    await local.bulkDocs(
      [{ ...doc, ...(Object.keys(attachments).length ? { _attachments: attachments } : {}) }],
      { new_edits: false },
    );
    // A local note of which document holds this audit (a _local document never replicates).
    await local.put({ _id: publishedMarker(record), auditDocId: doc._id });
    written++;
  }
  return written;
}

export type ReceiveResult = { changed: number; refused: { id: string; reason: string }[] };

/** Writes the mirror's winning revisions of every document since `since` into Dexie. */
export async function receive(
  db: RoomcheckDb,
  local: Database,
  since: number | string,
): Promise<ReceiveResult & { lastSeq: number | string }> {
  const changes = await local.changes({ since, include_docs: true });
  const received: Received = { rows: [], records: [], links: {} };
  const refused: ReceiveResult['refused'] = [];
  for (const change of changes.results) {
    const doc = change.doc;
    if (!doc || doc._deleted || change.id.startsWith('_design/')) continue;
    if (doc.kind === 'audit') {
      const read = readAuditDoc(doc);
      if (!read.ok) {
        refused.push({ id: change.id, reason: read.reason });
        continue;
      }
      if ((await sha256Hex(auditDocContent(read.body))) !== read.sha256) {
        refused.push({ id: change.id, reason: 'its content does not match its id' });
        continue;
      }
      const r = read.body.record;
      // The record's own id is of its content as published (the publisher's frozen record);
      // a record that names another id than its content gives is not kept.
      const published = r.snapshot;
      const id = recordId(published);
      if (published.recordId !== undefined && published.recordId !== id) {
        refused.push({ id: change.id, reason: 'its content does not match its record id' });
        continue;
      }
      const frozen = frozenBeside({ snapshot: published, recordId: id }, read.snapshot);
      received.records.push({
        auditId: r.auditId,
        siteId: r.siteId,
        roomIds: r.roomIds,
        completedAt: r.completedAt,
        source: 'export',
        snapshot: read.snapshot,
        recordId: id,
        ...(frozen === undefined ? {} : { frozen }),
      });
      continue;
    }
    if (doc.kind === 'resolution' || doc.kind === 'report' || doc.kind === 'finding') continue;
    const read = readEditableDoc(doc);
    if (!read.ok) {
      refused.push({ id: change.id, reason: read.reason });
      continue;
    }
    received.rows.push({ kind: read.kind, row: read.row });
    if (read.kind === 'site' && typeof doc.site === 'string')
      received.links[read.row.id] = doc.site;
  }
  const changed = await applyReceived(db, received);
  return { changed, refused, lastSeq: changes.last_seq };
}
