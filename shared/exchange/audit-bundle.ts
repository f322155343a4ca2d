import { z } from 'zod';
import { importError } from '../import/messages.ts';
import { describeZodError } from '../import/zod-message.ts';
import {
  type AuditSnapshot,
  AuditSnapshotSchema,
  parseAnySnapshot,
  SNAPSHOT_FORMAT,
  SNAPSHOT_FORMAT_VERSION,
  SNAPSHOT_READABLE_VERSIONS,
} from '../snapshot/schema.ts';
import {
  type ExchangeInput,
  readExchangeJson,
  requireUniqueIds,
  type Sha256,
  verifyEvidence,
} from './exchange-file.ts';

// The audit export: one audit snapshot (shared/snapshot/schema.ts) with its evidence bytes,
// in a small envelope so the file names its own format. It is what an inspector hands to the
// next one when there is no signed PDF, and it must come back exactly as it left.
// Versions: 1 holds a snapshot v1; 2 holds a snapshot v2. Both read (the snapshot upgraded).

export const AUDIT_BUNDLE_FORMAT = 'roomcheck.audit-bundle';
export const AUDIT_BUNDLE_FORMAT_VERSION = 2;
const KIND = {
  format: AUDIT_BUNDLE_FORMAT,
  formatVersion: AUDIT_BUNDLE_FORMAT_VERSION,
  readable: [1, 2],
  name: 'Roomcheck audit export',
};

export const AuditBundleSchema = z.object({
  format: z.literal(AUDIT_BUNDLE_FORMAT),
  formatVersion: z.literal(AUDIT_BUNDLE_FORMAT_VERSION),
  snapshot: AuditSnapshotSchema,
});
export type AuditBundle = z.infer<typeof AuditBundleSchema>;

/** The export file's text. Evidence must carry its bytes (dataBase64) to be importable. */
export function serializeAuditBundle(snapshot: AuditSnapshot): string {
  const bundle: AuditBundle = {
    format: AUDIT_BUNDLE_FORMAT,
    formatVersion: AUDIT_BUNDLE_FORMAT_VERSION,
    snapshot,
  };
  return `${JSON.stringify(bundle, null, 1)}\n`;
}

/**
 * Reads an audit export. Throws ImportError, naming the problem, when the file is not one
 * (wrong format or version, truncated or malformed JSON, duplicate keys), does not match the
 * schema, repeats an id, or holds evidence whose bytes are missing or do not match their
 * size and SHA-256. Returns the snapshot and the decoded evidence bytes.
 */
export async function parseAuditBundle(
  text: ExchangeInput,
  deps: { sha256: Sha256 },
): Promise<{ snapshot: AuditSnapshot; evidenceBytes: Map<string, Uint8Array> }> {
  const raw = readExchangeJson(text, KIND);
  const inner = raw.snapshot;
  if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
    const { format, formatVersion } = inner as { format?: unknown; formatVersion?: unknown };
    if (format !== SNAPSHOT_FORMAT) {
      throw importError('wrong_format', {
        expected: 'Roomcheck audit snapshot',
        found: String(format),
      });
    }
    if (!SNAPSHOT_READABLE_VERSIONS.includes(formatVersion as number)) {
      throw importError('wrong_version', {
        expected: 'Roomcheck audit snapshot',
        found: String(formatVersion),
        supported: SNAPSHOT_FORMAT_VERSION,
      });
    }
  }
  return checkSnapshot(readSnapshot(inner, 'snapshot'), deps.sha256, true);
}

const SNAPSHOT_KIND = {
  format: SNAPSHOT_FORMAT,
  formatVersion: SNAPSHOT_FORMAT_VERSION,
  readable: SNAPSHOT_READABLE_VERSIONS,
  name: 'Roomcheck audit snapshot',
};

/** A snapshot of any readable version, upgraded and validated; ImportError when it is not one. */
export function readSnapshot(value: unknown, at?: string): AuditSnapshot {
  const parsed = parseAnySnapshot(value);
  if (!parsed.success) {
    const problem = describeZodError(parsed.error);
    // Where in the file: `$.snapshot.findings[2]` for the snapshot inside an export.
    const path = at ? problem.path.replace(/^\$/, `$.${at}`) : problem.path;
    throw importError('invalid_content', { ...problem, path });
  }
  return parsed.data;
}

/**
 * Reads a bare audit snapshot (what `roomcheck demo` and `roomcheck extract` write). Same
 * checks as an export, except that evidence may come without bytes (listed in
 * `evidenceWithoutBytes`); bytes that are present must match their SHA-256.
 */
export async function parseAuditSnapshotFile(
  text: ExchangeInput,
  deps: { sha256: Sha256 },
): Promise<{
  snapshot: AuditSnapshot;
  evidenceBytes: Map<string, Uint8Array>;
  evidenceWithoutBytes: string[];
}> {
  const snapshot = readSnapshot(readExchangeJson(text, SNAPSHOT_KIND));
  const { evidenceBytes } = await checkSnapshot(snapshot, deps.sha256, false);
  const evidenceWithoutBytes = snapshot.evidence
    .filter((e) => e.dataBase64 === null)
    .map((e) => e.id);
  return { snapshot, evidenceBytes, evidenceWithoutBytes };
}

async function checkSnapshot(
  snapshot: AuditSnapshot,
  sha256: Sha256,
  requireBytes: boolean,
): Promise<{ snapshot: AuditSnapshot; evidenceBytes: Map<string, Uint8Array> }> {
  requireUniqueIds('rooms', snapshot.rooms);
  requireUniqueIds('racks', snapshot.racks);
  requireUniqueIds('devices', snapshot.devices);
  requireUniqueIds('answers', snapshot.answers);
  requireUniqueIds('findings', snapshot.findings);
  requireUniqueIds('reconciliations', snapshot.reconciliations);
  requireUniqueIds('evidence', snapshot.evidence);
  const evidence = requireBytes
    ? snapshot.evidence
    : snapshot.evidence.filter((e) => e.dataBase64 !== null);
  const evidenceBytes = await verifyEvidence(evidence, sha256);
  return { snapshot, evidenceBytes };
}
