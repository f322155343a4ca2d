import {
  matchDevices,
  normaliseIdentifier,
  type MatchKey,
} from '../../../shared/compare/match-devices.ts';
import type { Device, Rack, Room, Site } from '../../../shared/domain/schemas.ts';
import { base64ToBytes } from '../../../shared/encoding/base64.ts';
import { EVIDENCE_MAX_BYTES, sniffImageType, toHex } from '../../../shared/evidence/image-check.ts';
import type { AuditSnapshot, SnapshotEvidence } from '../../../shared/snapshot/schema.ts';
import type { RoomcheckDb } from '../db.ts';
import { diffDevices, type DeviceFieldChange } from '../device-diff.ts';
import { ExchangeError } from '../exchange-error.ts';
import { nowIso } from '../ids.ts';
import { remapDeviceIds } from '../snapshot-remap.ts';
import type { AuditRecordRow, EvidenceRow, ImportLogRow } from '../types.ts';
import { importLogRow, type ImportLogInfo } from './import-log.ts';
import { recordRow } from './snapshot.ts';

// Importing a prior audit (from a signed report's embedded snapshot or an export bundle).
// The audit's own records (answers, findings, marks, evidence) arrive as they were and are
// kept as a frozen record for comparisons. The inventory is merged: devices this database
// does not know are added; devices it knows (same id, or the same asset tag / serial / MAC)
// keep their local id, and where their recorded fields differ the user chooses, per device,
// which version to keep. Planning reads; applying is one transaction that re-checks that
// nothing it read has changed, so a failed or cancelled import leaves no trace.

export type AuditImportSource = Exclude<AuditRecordRow['source'], 'completed'>;

export type EvidenceProblemReason =
  'no_bytes' | 'bad_base64' | 'size_mismatch' | 'hash_mismatch' | 'not_an_image' | 'too_large';

export type EvidenceProblem = { evidence: SnapshotEvidence; reason: EvidenceProblemReason };

export type DeviceConflict = {
  local: Device;
  /** The report's version, already carrying the local id. */
  incoming: Device;
  matchedBy: MatchKey;
  changes: DeviceFieldChange[];
  /** The newer of the two, by their last-update time. */
  suggested: DeviceChoice;
};

export type DeviceChoice = 'keep' | 'take';

export type AuditImportPlan = {
  source: AuditImportSource;
  /** The snapshot with device ids mapped onto this database's ids. */
  snapshot: AuditSnapshot;
  site: Site;
  siteIsNew: boolean;
  roomsNew: Room[];
  racksNew: Rack[];
  templateIsNew: boolean;
  devicesNew: Device[];
  devicesUnchanged: number;
  conflicts: DeviceConflict[];
  evidence: EvidenceRow[];
  evidenceProblems: EvidenceProblem[];
  /** updatedAt of each local device the plan compared, to catch edits made before applying. */
  seen: Record<string, string>;
};

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
}

async function evidenceRow(
  e: SnapshotEvidence,
): Promise<{ row: EvidenceRow } | { problem: EvidenceProblemReason }> {
  if (e.dataBase64 === null) return { problem: 'no_bytes' };
  // Reject by declared size before decoding, so a hostile size costs nothing.
  if (e.size > EVIDENCE_MAX_BYTES || e.dataBase64.length > (EVIDENCE_MAX_BYTES * 4) / 3 + 4)
    return { problem: 'too_large' };
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(e.dataBase64);
  } catch {
    return { problem: 'bad_base64' };
  }
  if (bytes.length !== e.size) return { problem: 'size_mismatch' };
  if ((await sha256Hex(bytes)) !== e.sha256) return { problem: 'hash_mismatch' };
  const sniffed = sniffImageType(bytes.subarray(0, 12));
  if (sniffed === null || sniffed !== e.mimeType) return { problem: 'not_an_image' };
  const { dataBase64: _bytes, ...meta } = e;
  return {
    row: { ...meta, blob: new Blob([bytes as BlobPart], { type: e.mimeType }), thumbnail: null },
  };
}

/** What importing this audit would do; reads only. Throws ExchangeError when it cannot be imported. */
export async function planAuditImport(
  db: RoomcheckDb,
  original: AuditSnapshot,
  source: AuditImportSource,
): Promise<AuditImportPlan> {
  const siteId = original.site.id;
  const incomingIds = original.devices.map((d) => d.id);
  const read = await db.transaction(
    'r',
    [db.audits, db.auditRecords, db.sites, db.rooms, db.racks, db.templates, db.devices],
    async () => {
      const [audit, record, site, rooms, racks, template, siteDevices, sameIds] = await Promise.all(
        [
          db.audits.get(original.audit.id),
          db.auditRecords.get(original.audit.id),
          db.sites.get(siteId),
          db.rooms.bulkGet(original.rooms.map((r) => r.id)),
          db.racks.bulkGet(original.racks.map((r) => r.id)),
          db.templates.get(original.template.id),
          db.devices.where('siteId').equals(siteId).toArray(),
          db.devices.bulkGet(incomingIds),
        ],
      );
      return { audit, record, site, rooms, racks, template, siteDevices, sameIds };
    },
  );
  if (read.audit || read.record) {
    throw new ExchangeError(
      'audit_exists',
      `The audit "${original.audit.title}" is already in this database.`,
      { title: original.audit.title },
    );
  }
  for (const local of read.sameIds) {
    if (local && local.siteId !== siteId) {
      throw new ExchangeError(
        'device_id_elsewhere',
        `Device "${local.name || local.assetTag}" belongs to another site in this database.`,
        { device: local.name || local.assetTag || local.id },
      );
    }
  }

  const matching = matchDevices(read.siteDevices, original.devices);
  const idMap = new Map<string, string>();
  const seen: Record<string, string> = {};
  const pairs = matching.pairs.map((p) => {
    if (p.matchedBy !== 'id') idMap.set(p.current.id, p.prior.id);
    seen[p.prior.id] = p.prior.updatedAt;
    return p;
  });
  const localTags = new Map<string, Device>();
  for (const d of read.siteDevices)
    if (d.assetTag) localTags.set(normaliseIdentifier(d.assetTag), d);
  for (const d of matching.currentOnly) {
    const clash = d.assetTag ? localTags.get(normaliseIdentifier(d.assetTag)) : undefined;
    if (clash) {
      throw new ExchangeError(
        'ambiguous_device',
        `Asset tag "${d.assetTag}" of the imported device "${d.name}" cannot be matched to exactly one device of this database.`,
        { assetTag: d.assetTag, device: d.name },
      );
    }
  }

  const snapshot = remapDeviceIds(original, idMap);
  const conflicts: DeviceConflict[] = [];
  let devicesUnchanged = 0;
  for (const p of pairs) {
    const incoming = { ...p.current, id: p.prior.id };
    const changes = diffDevices(p.prior, incoming);
    if (changes.length === 0) {
      devicesUnchanged++;
      continue;
    }
    conflicts.push({
      local: p.prior,
      incoming,
      matchedBy: p.matchedBy,
      changes,
      suggested: incoming.updatedAt > p.prior.updatedAt ? 'take' : 'keep',
    });
  }
  const newIds = new Set(matching.currentOnly.map((d) => d.id));

  const evidence: EvidenceRow[] = [];
  const evidenceProblems: EvidenceProblem[] = [];
  for (const e of snapshot.evidence) {
    const result = await evidenceRow(e);
    if ('row' in result) evidence.push(result.row);
    else evidenceProblems.push({ evidence: e, reason: result.problem });
  }

  return {
    source,
    snapshot,
    site: read.site ?? snapshot.site,
    siteIsNew: !read.site,
    roomsNew: snapshot.rooms.filter((_r, i) => !read.rooms[i]),
    racksNew: snapshot.racks.filter((_r, i) => !read.racks[i]),
    templateIsNew: !read.template,
    devicesNew: snapshot.devices.filter((d) => newIds.has(d.id)),
    devicesUnchanged,
    conflicts,
    evidence,
    evidenceProblems,
    seen,
  };
}

/** Choices for every conflict: the user's, or the suggestion where the user made none. */
export function resolveChoices(
  plan: AuditImportPlan,
  choices: Readonly<Record<string, DeviceChoice>>,
): Map<string, DeviceChoice> {
  return new Map(plan.conflicts.map((c) => [c.local.id, choices[c.local.id] ?? c.suggested]));
}

/**
 * Applies the plan in one transaction. Anything that changed since the plan was made (the
 * audit appeared, a compared device was edited, a room or rack was created meanwhile) aborts
 * it with `stale_preview`, leaving the database as it was.
 */
export async function applyAuditImport(
  db: RoomcheckDb,
  plan: AuditImportPlan,
  choices: Readonly<Record<string, DeviceChoice>>,
  info: ImportLogInfo,
): Promise<ImportLogRow> {
  const resolved = resolveChoices(plan, choices);
  const now = nowIso();
  const taken = plan.conflicts
    .filter((c) => resolved.get(c.local.id) === 'take')
    .map((c) => ({ ...c.incoming, createdAt: c.local.createdAt, updatedAt: now }));
  const { snapshot } = plan;
  const frozen: AuditRecordRow = recordRow({
    auditId: snapshot.audit.id,
    siteId: snapshot.audit.siteId,
    roomIds: snapshot.audit.roomIds,
    completedAt: snapshot.audit.completedAt ?? snapshot.createdAt,
    source: plan.source,
    // Frozen records keep evidence metadata only, like those of audits completed here.
    snapshot: { ...snapshot, evidence: snapshot.evidence.map((e) => ({ ...e, dataBase64: null })) },
  });
  const log = importLogRow(info, {
    source: plan.source === 'signed-report' ? 'signed-report' : 'audit-export',
    counts: {
      added: plan.devicesNew.length,
      updated: taken.length,
      rejected: plan.evidenceProblems.length,
      skipped: plan.conflicts.length - taken.length + plan.devicesUnchanged,
    },
  });
  const stale = (what: string) =>
    new ExchangeError(
      'stale_preview',
      `${what} changed after the preview; preview the import again.`,
    );

  await db.transaction(
    'rw',
    [
      db.sites,
      db.rooms,
      db.racks,
      db.templates,
      db.devices,
      db.audits,
      db.answers,
      db.findings,
      db.reconciliations,
      db.evidence,
      db.auditRecords,
      db.auditScopes,
      db.importLog,
    ],
    async () => {
      const [audit, record, site, rooms, racks, seenNow, newNow, siteDevices] = await Promise.all([
        db.audits.get(snapshot.audit.id),
        db.auditRecords.get(snapshot.audit.id),
        db.sites.get(plan.site.id),
        db.rooms.bulkGet(plan.roomsNew.map((r) => r.id)),
        db.racks.bulkGet(plan.racksNew.map((r) => r.id)),
        db.devices.bulkGet(Object.keys(plan.seen)),
        db.devices.bulkGet(plan.devicesNew.map((d) => d.id)),
        db.devices.where('siteId').equals(plan.site.id).toArray(),
      ]);
      if (audit || record)
        throw new ExchangeError('audit_exists', 'The audit is already in this database.', {
          title: snapshot.audit.title,
        });
      if (plan.siteIsNew === !!site) throw stale('The site');
      if (rooms.some(Boolean)) throw stale('A room');
      if (racks.some(Boolean)) throw stale('A rack');
      if (newNow.some(Boolean)) throw stale('A device');
      const ids = Object.keys(plan.seen);
      seenNow.forEach((d, i) => {
        if (!d || d.updatedAt !== plan.seen[ids[i]!]) throw stale(`Device "${d?.name ?? ids[i]}"`);
      });
      assertTagsUnique([...siteDevices], [...plan.devicesNew, ...taken]);

      if (plan.siteIsNew) await db.sites.add(plan.site);
      if (plan.templateIsNew) await db.templates.add(snapshot.template);
      await Promise.all([
        db.rooms.bulkAdd(plan.roomsNew),
        db.racks.bulkAdd(plan.racksNew),
        db.devices.bulkAdd(plan.devicesNew),
        db.devices.bulkPut(taken),
        db.audits.add(snapshot.audit),
        db.answers.bulkAdd(snapshot.answers),
        db.findings.bulkAdd(snapshot.findings),
        db.reconciliations.bulkAdd(snapshot.reconciliations),
        db.evidence.bulkAdd(plan.evidence),
        db.auditRecords.add(frozen),
        db.auditScopes.put({
          auditId: snapshot.audit.id,
          fixedAt: snapshot.scope.fixedAt,
          devices: snapshot.devices,
          decisions: snapshot.scope.decisions,
        }),
        db.importLog.add(log),
      ]);
    },
  );
  return log;
}

/** After the import, no two devices of the site may share an asset tag because of it. */
function assertTagsUnique(local: Device[], written: Device[]): void {
  const writtenIds = new Set(written.map((d) => d.id));
  const owner = new Map<string, Device>();
  for (const d of local) {
    if (d.assetTag && !writtenIds.has(d.id)) owner.set(normaliseIdentifier(d.assetTag), d);
  }
  for (const d of written) {
    if (!d.assetTag) continue;
    const key = normaliseIdentifier(d.assetTag);
    const other = owner.get(key);
    if (other && other.id !== d.id)
      throw new ExchangeError(
        'asset_tag_taken',
        `Asset tag "${d.assetTag}" would belong to two devices ("${other.name}" and "${d.name}").`,
        { assetTag: d.assetTag },
      );
    owner.set(key, d);
  }
}
