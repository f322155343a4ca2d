import { z } from 'zod';
import {
  DeviceSchema,
  RackSchema,
  RoomSchema,
  SiteSchema,
  TemplateSchema,
} from '../domain/schemas.ts';
import { CURRENT_VERSIONS, upgradeRecord, type RecordType } from '../migrations/records.ts';
import { canonicalJson } from '../record/canonical.ts';
import { parseAnySnapshot, type AuditSnapshot } from '../snapshot/schema.ts';
import { docId, pinnedRevision, type DocKind, type Revisions, type SiteCode } from './names.ts';

// What replicates through the hub, as CouchDB documents. One table (EDITABLE_KINDS) lists the
// editable kinds: the Dexie table each comes from, its record type (versioned, read through
// the one migration chain) and its schema; adding a replicated kind is one entry here. Completed
// audits are immutable documents named by the SHA-256 of their canonical content and written
// once at a pinned revision (names.ts, the hub's validate_doc_update). In-progress audits never
// leave the laptop.

/** Format version of Roomcheck's hub documents (the `format` field of each). */
export const HUB_DOC_FORMAT = 1;

export const EDITABLE_KINDS = {
  site: { table: 'sites', record: 'site', schema: SiteSchema },
  room: { table: 'rooms', record: 'room', schema: RoomSchema },
  rack: { table: 'racks', record: 'rack', schema: RackSchema },
  device: { table: 'devices', record: 'device', schema: DeviceSchema },
  template: { table: 'templates', record: 'template', schema: TemplateSchema },
} as const satisfies Partial<
  Record<DocKind, { table: string; record: RecordType; schema: z.ZodType }>
>;
export type EditableKind = keyof typeof EDITABLE_KINDS;
export const isEditableKind = (kind: string): kind is EditableKind =>
  Object.prototype.hasOwnProperty.call(EDITABLE_KINDS, kind);

/** An editable document: one inventory row or template, with the record version it holds. */
export type EditableDoc = {
  _id: string;
  _rev?: string;
  kind: EditableKind;
  format: number;
  site: SiteCode;
  /** The record version of `data` (shared/migrations/records.ts). */
  v: number;
  data: Record<string, unknown> & { id: string };
};

export function editableDoc(
  kind: EditableKind,
  site: SiteCode,
  row: Record<string, unknown> & { id: string },
): EditableDoc {
  return {
    _id: docId(kind, row.id),
    kind,
    format: HUB_DOC_FORMAT,
    site,
    v: CURRENT_VERSIONS[EDITABLE_KINDS[kind].record],
    data: row,
  };
}

/** Whether two documents hold the same content (ignoring revisions and attachments). */
export const sameContent = (a: EditableDoc, b: EditableDoc): boolean =>
  a.site === b.site && a.v === b.v && canonicalJson(a.data) === canonicalJson(b.data);

export type ReadEditable =
  | { ok: true; kind: EditableKind; row: Record<string, unknown> & { id: string } }
  | { ok: false; reason: string };

/** A received editable document, upgraded to today's record version and checked. */
export function readEditableDoc(doc: Record<string, unknown>): ReadEditable {
  const kind = typeof doc.kind === 'string' ? doc.kind : '';
  if (!isEditableKind(kind)) return { ok: false, reason: `unknown kind ${kind.slice(0, 30)}` };
  const spec = EDITABLE_KINDS[kind];
  if (typeof doc.v !== 'number' || !Number.isInteger(doc.v) || doc.v < 1) {
    return { ok: false, reason: 'no record version' };
  }
  let upgraded: unknown;
  try {
    upgraded = upgradeRecord(spec.record, doc.data, doc.v);
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : 'newer record' };
  }
  const parsed = spec.schema.safeParse(upgraded);
  if (!parsed.success) return { ok: false, reason: 'the content does not match its kind' };
  if (doc._id !== docId(kind, parsed.data.id))
    return { ok: false, reason: 'id and content differ' };
  return { ok: true, kind, row: parsed.data as Record<string, unknown> & { id: string } };
}

/** The content of a completed audit's document: what its id is the hash of. */
export type AuditDocBody = {
  kind: 'audit';
  format: number;
  site: SiteCode;
  /** The hub user who published it (the hub's rules: publish under your own name). */
  publishedBy: string;
  status: 'completed';
  record: {
    auditId: string;
    siteId: string;
    roomIds: string[];
    completedAt: string;
    snapshot: AuditSnapshot;
  };
};

export type AuditDoc = AuditDocBody & {
  _id: string;
  _rev: string;
  _revisions: Revisions;
  _attachments?: Record<string, { content_type: string; data: string }>;
};

/** The canonical bytes an audit document's id is the SHA-256 of. */
export const auditDocContent = (body: AuditDocBody): string => canonicalJson(body);

/** The document for a completed audit, given the SHA-256 (hex) of auditDocContent(body). */
export function auditDoc(body: AuditDocBody, sha256Hex: string): AuditDoc {
  const pinned = pinnedRevision(sha256Hex);
  return {
    _id: docId('audit', sha256Hex),
    _rev: pinned.rev,
    _revisions: pinned.revisions,
    ...body,
  };
}

const AuditDocShape = z.object({
  _id: z.string().regex(/^audit:[0-9a-f]{64}$/),
  kind: z.literal('audit'),
  format: z.number().int(),
  site: z.string(),
  publishedBy: z.string(),
  status: z.literal('completed'),
  record: z.object({
    auditId: z.string(),
    siteId: z.string(),
    roomIds: z.array(z.string()),
    completedAt: z.string(),
    snapshot: z.unknown(),
  }),
});

export type ReadAudit =
  | { ok: true; body: AuditDocBody; sha256: string; snapshot: AuditSnapshot }
  | { ok: false; reason: string };

/**
 * A received audit document, read but not yet trusted: the caller re-hashes `auditDocContent`
 * of the body and compares it with `sha256` (the id) before keeping it.
 */
export function readAuditDoc(doc: Record<string, unknown>): ReadAudit {
  const shape = AuditDocShape.safeParse(doc);
  if (!shape.success) return { ok: false, reason: 'not a completed audit document' };
  const snapshot = parseAnySnapshot(shape.data.record.snapshot);
  if (!snapshot.success) return { ok: false, reason: 'its audit record cannot be read' };
  const { _id, ...rest } = shape.data;
  // The body is hashed as it was published (the snapshot as stored, not as upgraded).
  const body = {
    kind: rest.kind,
    format: rest.format,
    site: rest.site,
    publishedBy: rest.publishedBy,
    status: rest.status,
    record: rest.record,
  } as AuditDocBody;
  return { ok: true, body, sha256: _id.slice('audit:'.length), snapshot: snapshot.data };
}
