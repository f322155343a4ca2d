import { AuditSnapshotSchema, type AuditSnapshot } from '../../../shared/snapshot/schema.ts';
import type { RoomcheckDb } from '../../db/db.ts';
import { buildAuditSnapshot } from '../../db/repositories/snapshot.ts';

// An audit export bundle: one audit with everything it refers to and its photos, as JSON. It
// is what another Roomcheck imports as "the prior audit" when no signed report is at hand.

export const BUNDLE_FORMAT = 'roomcheck.audit-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

export type AuditBundle = {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  snapshot: AuditSnapshot;
};

export async function buildAuditBundle(
  db: RoomcheckDb,
  auditId: string,
  appVersion: string,
): Promise<AuditBundle> {
  const snapshot = await buildAuditSnapshot(db, auditId, {
    appVersion,
    signOff: null,
    includeEvidenceBytes: true,
  });
  return { format: BUNDLE_FORMAT, formatVersion: BUNDLE_FORMAT_VERSION, snapshot };
}

export type BundleProblem =
  | { code: 'not_json' }
  | { code: 'truncated' }
  | { code: 'not_bundle'; format: string }
  | { code: 'version'; version: string }
  | { code: 'invalid'; path: string; detail: string };

export type BundleRead =
  { ok: true; snapshot: AuditSnapshot } | { ok: false; problem: BundleProblem };

/** Reads a bundle's text and validates its snapshot; nothing is written. */
export function readAuditBundle(text: string): BundleRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const trimmed = text.trimEnd();
    return {
      ok: false,
      problem: {
        code: trimmed.startsWith('{') && !trimmed.endsWith('}') ? 'truncated' : 'not_json',
      },
    };
  }
  const head = value as { format?: unknown; formatVersion?: unknown; snapshot?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== BUNDLE_FORMAT)
    return {
      ok: false,
      problem: {
        code: 'not_bundle',
        format: typeof head?.format === 'string' ? head.format.slice(0, 60) : '',
      },
    };
  if (head.formatVersion !== BUNDLE_FORMAT_VERSION)
    return {
      ok: false,
      problem: { code: 'version', version: String(head.formatVersion).slice(0, 20) },
    };
  const parsed = AuditSnapshotSchema.safeParse(head.snapshot);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      problem: {
        code: 'invalid',
        path: ['snapshot', ...issue.path.map(String)].join('.'),
        detail: issue.message,
      },
    };
  }
  return { ok: true, snapshot: parsed.data };
}
