import type {
  Answer,
  Audit,
  Device,
  EvidenceMeta,
  Finding,
  Rack,
  Room,
  Site,
  Template,
} from '../domain/schemas.ts';
import type { Lang } from '../i18n/lang.ts';
import type { AuditSnapshot } from '../snapshot/schema.ts';

// The one place that knows where the STIG exports read an audit from. Everything in shared/stig
// works on `StigAuditSource`; today it is cut from the audit snapshot that signed reports embed
// and audit exports carry (shared/snapshot/schema.ts). When the completed-audit record changes
// shape, only this adapter follows it.

export type StigAuditSource = {
  audit: Pick<Audit, 'id' | 'title' | 'roomIds' | 'startedAt' | 'completedAt'>;
  site: Pick<Site, 'name' | 'organisation'>;
  template: Template;
  rooms: readonly Room[];
  racks: readonly Rack[];
  /** The devices in the audit's scope. */
  devices: readonly Device[];
  answers: readonly Answer[];
  findings: readonly Finding[];
  /** Photo metadata (file name, SHA-256); the bytes are never needed here. */
  evidence: readonly EvidenceMeta[];
  /** The report's language when the audit was signed off; null when it was not. */
  language: Lang | null;
};

export function stigSourceFromSnapshot(snapshot: AuditSnapshot): StigAuditSource {
  return {
    audit: snapshot.audit,
    site: snapshot.site,
    template: snapshot.template,
    rooms: snapshot.rooms,
    racks: snapshot.racks,
    devices: snapshot.devices,
    answers: snapshot.answers,
    findings: snapshot.findings,
    evidence: snapshot.evidence,
    language: snapshot.signOff?.language ?? null,
  };
}
