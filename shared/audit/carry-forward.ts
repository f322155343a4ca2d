import {
  Timestamp,
  type Device,
  type EvidenceMeta,
  type EvidenceRef,
  type Finding,
} from '../domain/schemas.ts';
import type { AuditSide } from '../compare/compare-audits.ts';
import { isOpenFinding } from './schedule.ts';

// Starting a new audit from a prior one (imported from a signed report or an export, or the
// room's last audit): the inventory comes across with its ids, so devices are recognised, and
// every finding still open becomes something to re-check, first-seen date intact. A carried
// finding is recognisable without an extra field: its firstSeenAuditId names an earlier audit
// than its own auditId (see isCarriedForward), and compareAudits pairs it with its original
// by what it is about (item and device or room).

export interface RecheckItem {
  /** The finding as the prior audit left it. */
  readonly finding: Finding;
  /** Its copy in the new audit, to be confirmed closed or still failing. */
  readonly carried: Finding;
  readonly roomId: string;
  /** The device to look at, or null for a room-level finding. */
  readonly deviceId: string | null;
  /** The check item to answer again, or null for a finding raised by hand. */
  readonly itemId: string | null;
}

export interface CarriedForward {
  /** The prior inventory, same ids, each remembering the audit it was first recorded in. */
  readonly devices: Device[];
  /** New finding records for the new audit, one per finding still open in the prior. */
  readonly findings: Finding[];
  readonly recheck: RecheckItem[];
}

export interface CarryForwardOptions {
  /** Id of the carried copy; by default `${newAuditId}|${prior.id}`, which makes re-running idempotent. */
  readonly makeFindingId?: (prior: Finding) => string;
}

export function carryForward(
  prior: Pick<AuditSide, 'audit' | 'devices' | 'findings'> & {
    /** Photos of the prior audit: carried findings reference theirs by SHA-256. */
    readonly evidence?: readonly EvidenceMeta[];
  },
  newAuditId: string,
  now: string,
  options: CarryForwardOptions = {},
): CarriedForward {
  if (!Timestamp.safeParse(now).success)
    throw new RangeError(
      `now must be an ISO timestamp such as 2026-03-15T08:00:00.000Z, got "${now}"`,
    );
  if (newAuditId === prior.audit.id)
    throw new RangeError('The new audit needs an id of its own, not the prior audit’s.');
  const makeId = options.makeFindingId ?? ((f: Finding) => `${newAuditId}|${f.id}`);

  const devices = prior.devices.map((device) => ({
    ...structuredCopy(device),
    firstSeenAuditId: device.firstSeenAuditId ?? prior.audit.id,
  }));

  const findings: Finding[] = [];
  const recheck: RecheckItem[] = [];
  for (const finding of prior.findings) {
    if (!isOpenFinding(finding)) continue;
    const id = makeId(finding);
    if (id.length === 0 || id.length > 128)
      throw new RangeError(
        `Carried finding id must be 1-128 characters; pass makeFindingId (got ${id.length}).`,
      );
    const carried: Finding = {
      ...structuredCopy(finding),
      id,
      auditId: newAuditId,
      // Work in progress stays in progress; anything else starts the new audit open.
      status: finding.status === 'in_remediation' ? 'in_remediation' : 'open',
      statusReason: '',
      // Same finding, one identity: its lineage and sightings go on, its origin is named.
      carriedFrom: { auditId: prior.audit.id, findingId: finding.id },
      resolution: null,
      evidenceRefs: evidenceRefsOf(finding, prior.evidence ?? []),
      firstSeenAuditId: finding.firstSeenAuditId,
      firstSeenAt: finding.firstSeenAt,
      createdAt: now,
      updatedAt: now,
    };
    findings.push(carried);
    recheck.push({
      finding,
      carried,
      roomId: finding.roomId,
      deviceId: finding.deviceId,
      itemId: finding.itemId,
    });
  }
  return { devices, findings, recheck };
}

/** The finding's earlier photos and its own, each once, by SHA-256 (never copied). */
function evidenceRefsOf(finding: Finding, evidence: readonly EvidenceMeta[]): EvidenceRef[] {
  const refs = [...finding.evidenceRefs];
  const seen = new Set(refs.map((r) => r.sha256));
  for (const e of evidence) {
    if (e.findingId !== finding.id || seen.has(e.sha256)) continue;
    seen.add(e.sha256);
    refs.push({
      sha256: e.sha256,
      fileName: e.fileName,
      mimeType: e.mimeType,
      size: e.size,
      caption: e.caption,
      auditId: e.auditId ?? finding.auditId,
    });
  }
  return refs;
}

/** Plain-data deep copy, so the new audit's records share nothing with the prior's. */
function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
