import { parseStrictJson } from '../exchange/json-scan.ts';
import { importError } from '../import/messages.ts';
import {
  checkCounts,
  finishChecklist,
  text,
  type RawChecklist,
  type RawRule,
  type RawStig,
  type ReadChecklist,
} from './read-model.ts';

// STIG Viewer 3 checklists (.cklb) as tools really write them, which is not as DISA's schema
// says: STIG Manager and STIG Viewer add stigs[].version, Evaluate-STIG adds "evaluate-stig"
// objects, newer STIG Viewers add classification keys, and strings come as null. So the
// schema is not used here: values are read by shape, unknown keys ignored. The JSON itself is
// read strictly (shared/exchange/json-scan.ts): a duplicated key, as in any exchange file, makes
// the file ambiguous and is refused, and nesting is bounded.

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** "Evaluate-STIG 1.2310.1 (Scan-GoogleChrome_Checks 1.2023.7.24)", from what the file has. */
function evaluateStig(root: Json, stig: Json): string | null {
  const rootEs = root['evaluate-stig'];
  const stigEs = stig['evaluate-stig'];
  if (rootEs === undefined && stigEs === undefined) return null;
  const version = text(asObject(rootEs).version);
  const module = asObject(asObject(stigEs).module);
  const moduleText = [text(module.name), text(module.version)].filter(Boolean).join(' ');
  return [`Evaluate-STIG${version ? ` ${version}` : ''}`, moduleText ? `(${moduleText})` : '']
    .filter(Boolean)
    .join(' ');
}

function rawRule(value: unknown): RawRule {
  const r = asObject(value);
  const override = asObject(asObject(r.overrides).severity);
  return {
    ruleIdSrc: text(r.rule_id_src) || text(r.rule_id),
    groupId: text(r.group_id) || text(r.group_id_src),
    ruleVersion: text(r.rule_version),
    ruleTitle: text(r.rule_title),
    severity: text(r.severity),
    status: text(r.status),
    override:
      'severity' in override
        ? { severity: text(override.severity), reason: text(override.reason) }
        : null,
    comments: text(r.comments),
    findingDetails: text(r.finding_details),
    updatedAt: text(r.updatedAt),
  };
}

function rawStig(root: Json, value: unknown): RawStig {
  const s = asObject(value);
  return {
    uuid: text(s.uuid),
    stigId: text(s.stig_id).replace(/^xccdf_mil\.disa\.stig_benchmark_/, ''),
    stigName: text(s.stig_name) || text(s.display_name),
    version: text(s.version),
    releaseInfo: text(s.release_info),
    tool: evaluateStig(root, s),
    scannedAt: text(asObject(s['evaluate-stig']).time),
    rules: asArray(s.rules).map(rawRule),
  };
}

/** Reads a .cklb file's text (BOM already removed). Throws ImportError with one sentence. */
export function readCklb(source: string): ReadChecklist {
  const root = parseStrictJson(source);
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw importError('checklist_not_object', {});
  }
  const doc = root as Json;
  const td = asObject(doc.target_data);
  if (!Array.isArray(doc.stigs)) {
    // Say first what matters most: with no host it could not be matched even with results.
    if (!text(td.host_name).trim()) throw importError('checklist_no_host', {});
    throw importError('checklist_no_stigs', { section: '"stigs"' });
  }
  const stigs = doc.stigs;
  checkCounts(
    stigs.length,
    stigs.reduce((n: number, s) => n + asArray(asObject(s).rules).length, 0),
  );
  const raw: RawChecklist = {
    format: 'cklb',
    id: text(doc.id) || null,
    target: {
      targetType: text(td.target_type),
      hostName: text(td.host_name),
      ipAddress: text(td.ip_address),
      macAddress: text(td.mac_address),
      fqdn: text(td.fqdn),
      role: text(td.role),
      technologyArea: text(td.technology_area),
      comments: text(td.comments),
      marking: text(td.classification),
    },
    stigs: stigs.map((s) => rawStig(doc, s)),
  };
  return finishChecklist(raw);
}
