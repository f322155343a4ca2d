import { applicableItems, stepKey, walkOrder } from '../checklist/applicability.ts';
import { effectiveSeverity } from '../checklist/effective-severity.ts';
import type { DeviceType } from '../domain/enums.ts';
import type {
  CheckItem,
  Device,
  EvidenceMeta,
  Finding,
  Room,
  Template,
} from '../domain/schemas.ts';
import { label } from '../i18n/labels.ts';
import { type Lang } from '../i18n/lang.ts';
import type { StigAuditSource } from './audit-source.ts';
import {
  ROOMCHECK_AUDIT_LABEL,
  ROOMCHECK_ID_LABEL,
  ROOMCHECK_STIG_PREFIX,
  statusOfResult,
  type Checklist,
  type ChecklistRule,
  type ChecklistStig,
  type ChecklistTarget,
  type SeverityOverride,
} from './checklist.ts';
import { checkText, discussionText, findingDetailsText, fixText } from './rule-text.ts';
import { uuidV5 } from './uuid-v5.ts';

// An audit as STIG checklists: one per device in scope and one per room for its room-level
// items, the Roomcheck template playing the STIG. Every id is a UUIDv5 of what it stands for,
// so the same audit always exports to the same files and an export that comes back can be
// recognised (round-trip.ts).

/** Roomcheck's namespace for name-based UUIDs; fixed forever (made once, randomly). */
export const ROOMCHECK_UUID_NAMESPACE = '06cdebb3-35ef-457b-935b-2072ddafe4cd';

export type ChecklistExportOptions = {
  /** Language of rule titles and generated text; default the audit's report language, else en. */
  lang?: Lang;
};

export type ChecklistExport = {
  checklists: Checklist[];
  /**
   * Subjects without a checklist: no applicable item (a checklist holds at least one rule, as
   * CKL's XSD requires), or a device whose room the audit does not carry.
   */
  skipped: { roomId: string; deviceId: string | null; reason: 'no_items' | 'no_room' }[];
};

/** "device/<id>" or "room/<id>": how a checklist names its subject, stable across exports. */
export const subjectRef = (roomId: string, deviceId: string | null): string =>
  deviceId === null ? `room/${roomId}` : `device/${deviceId}`;

/** The checklist id and its STIG's uuid for one subject of one audit. */
export function checklistIds(
  auditId: string,
  subject: string,
  template: Pick<Template, 'id' | 'version'>,
): { checklistId: string; stigUuid: string } {
  const checklistId = uuidV5(`checklist|${auditId}|${subject}`, ROOMCHECK_UUID_NAMESPACE);
  const stigUuid = uuidV5(
    `stig|${checklistId}|${template.id}@${template.version}`,
    ROOMCHECK_UUID_NAMESPACE,
  );
  return { checklistId, stigUuid };
}

/** STIG ids are benchmark ids: letters, digits, "_" and "-". */
export const stigIdOf = (template: Pick<Template, 'id'>): string =>
  `${ROOMCHECK_STIG_PREFIX}${template.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** DISA's benchmark date, "07 Jun 2023", which STIG Manager's revision parser expects. */
export function benchmarkDate(timestamp: string): string {
  const d = new Date(timestamp);
  return `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * The template plays a STIG whose version is 1 and whose release is the template's version:
 * an edited template is a new release, as DISA numbers its own updates, and a CKLB, which has
 * no key for the version, still carries the release ("Release: N" in release_info).
 */
export const STIG_VERSION = '1';
export const revisionOf = (template: Pick<Template, 'version'>) =>
  `V${STIG_VERSION}R${template.version}`;

function stigOf(template: Template, uuid: string): Omit<ChecklistStig, 'rules'> {
  return {
    uuid,
    stigId: stigIdOf(template),
    stigName: `Roomcheck ${template.name} checklist`,
    displayName: `Roomcheck ${template.name}`,
    version: STIG_VERSION,
    releaseInfo: `Release: ${template.version} Benchmark Date: ${benchmarkDate(template.updatedAt)}`,
    size: template.items.length,
  };
}

const NON_COMPUTING: readonly DeviceType[] = ['loose_media'];
const ROLE: Partial<Record<DeviceType, ChecklistTarget['role']>> = {
  workstation: 'Workstation',
  server: 'Member Server',
  virtualization_host: 'Member Server',
};

/** A device's name as a STIG tool's host name: never empty (STIG Manager refuses that). */
export const deviceHostName = (d: Pick<Device, 'hostname' | 'name' | 'assetTag' | 'id'>) =>
  d.hostname || d.name || d.assetTag || d.id;

function targetOf(
  source: StigAuditSource,
  room: Room,
  device: Device | null,
  rackName: string | null,
): ChecklistTarget {
  const marking = label('classification', room.classification, 'en').toUpperCase();
  const lines = [`Classification: ${marking}`, `Room: ${room.name}`];
  if (rackName !== null) lines.push(`Rack: ${rackName}`);
  if (device?.positionU != null) {
    const top = device.positionU + device.heightU - 1;
    lines.push(`Position: U${device.positionU}${top > device.positionU ? `-U${top}` : ''}`);
  }
  if (device?.assetTag) lines.push(`Asset tag: ${device.assetTag}`);
  if (device?.serial) lines.push(`Serial: ${device.serial}`);
  lines.push(`${ROOMCHECK_ID_LABEL} ${subjectRef(room.id, device?.id ?? null)}`);
  lines.push(`${ROOMCHECK_AUDIT_LABEL} ${source.audit.id}`);
  if (!device) {
    return {
      targetType: 'Non-Computing',
      hostName: room.name,
      ipAddress: '',
      macAddress: '',
      fqdn: '',
      role: 'None',
      technologyArea: 'Traditional Security',
      comments: lines.join('\n'),
      marking,
    };
  }
  return {
    targetType: NON_COMPUTING.includes(device.type) ? 'Non-Computing' : 'Computing',
    hostName: deviceHostName(device),
    ipAddress: device.ips.join(', '),
    macAddress: device.macs.join(', '),
    fqdn: device.hostname.includes('.') ? device.hostname : '',
    role: ROLE[device.type] ?? 'None',
    technologyArea: '',
    comments: lines.join('\n'),
    marking,
  };
}

/** The override a finding carries: its severity, when a person changed it away from the rule's. */
function overrideOf(findings: readonly Finding[], ruleSeverity: string): SeverityOverride | null {
  for (const finding of findings) {
    const last = finding.severityChanges.at(-1);
    if (last && finding.severity !== ruleSeverity) {
      return { severity: finding.severity, reason: last.reason };
    }
  }
  return null;
}

/** Appends to the list under `key`, creating it. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Indexes = {
  /** An item's generated prose, the same for every device it applies to: made once. */
  prose: (item: CheckItem, kind: 'room' | 'device') => Prose;
  answers: Map<string, StigAuditSource['answers'][number]>;
  findings: Map<string, Finding[]>;
  photos: Map<string, EvidenceMeta[]>;
};

type Prose = Pick<ChecklistRule, 'discussion' | 'checkContent' | 'fixText'>;

function indexSource(source: StigAuditSource, lang: Lang): Indexes {
  const answers = new Map(source.answers.map((a) => [stepKey(a.roomId, a.deviceId, a.itemId), a]));
  const findings = new Map<string, Finding[]>();
  for (const f of source.findings) {
    if (f.itemId === null) continue; // raised by hand: no rule to hang it on (it is in the POA&M)
    push(findings, stepKey(f.roomId, f.deviceId, f.itemId), f);
  }
  const photos = new Map<string, EvidenceMeta[]>();
  for (const e of source.evidence) {
    if (e.findingId !== null) push(photos, e.findingId, e);
  }
  const proseCache = new Map<string, Prose>();
  const prose = (item: CheckItem, kind: 'room' | 'device') => {
    const key = `${kind}|${item.id}`;
    let found = proseCache.get(key);
    if (!found) {
      found = {
        discussion: discussionText(item, lang),
        checkContent: checkText(item, kind, lang),
        fixText: fixText(item, kind, lang),
      };
      proseCache.set(key, found);
    }
    return found;
  };
  return { prose, answers, findings, photos };
}

function rulesOf(
  source: StigAuditSource,
  index: Indexes,
  room: Room,
  device: Device | null,
  checklistId: string,
  lang: Lang,
): ChecklistRule[] {
  const { template, audit } = source;
  const kind = device ? 'device' : 'room';
  return applicableItems(template, device ?? 'room').map((item) => {
    const key = stepKey(room.id, device?.id ?? null, item.id);
    const answer = index.answers.get(key);
    const findings = index.findings.get(key) ?? [];
    const severity = effectiveSeverity(item, device);
    const groupId = `RC-${item.id}`;
    // The "r" part changes with the template version, as a DISA rule id's revision does.
    const ruleId = `${groupId}r${template.version}`;
    return {
      uuid: uuidV5(`rule|${checklistId}|${item.id}`, ROOMCHECK_UUID_NAMESPACE),
      groupId,
      ruleId,
      ruleIdSrc: `${ruleId}_rule`,
      ruleVersion: item.id,
      severity,
      groupTitle: item.text[lang],
      ruleTitle: item.text[lang],
      ...index.prose(item, kind),
      iaControls: item.basis,
      status: statusOfResult(answer?.result),
      comments: answer?.note ?? '',
      findingDetails: findingDetailsText(
        {
          findings,
          photosOf: (id) => index.photos.get(id) ?? [],
          prejudged: answer?.prejudged ?? null,
        },
        lang,
      ),
      override: overrideOf(findings, severity),
      createdAt: audit.startedAt,
      updatedAt: answer?.at ?? audit.startedAt,
    };
  });
}

/** Characters no file system accepts in a name, and what would hide or climb a path. */
// eslint-disable-next-line no-control-regex -- control characters are what must go
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;

/**
 * A checklist's title, which is also its file name (STIG Viewer titles a checklist by its file):
 * "<host>-<stig id>-V1R<release>", safe on every file system and under 255 bytes in UTF-8 even
 * for a long Chinese device name.
 */
export function checklistTitle(hostName: string, stigId: string, revision: string): string {
  const host = hostName.replace(UNSAFE_IN_FILE_NAME, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  return `${host.slice(0, 50) || 'checklist'}-${stigId.slice(0, 60)}-${revision.slice(0, 20)}`;
}

/**
 * Every checklist of an audit: for each room in scope, the room's own checklist (room-level
 * items), then its devices in walk order; devices of rooms outside the audit's list last.
 */
export function checklistsFromAudit(
  source: StigAuditSource,
  options: ChecklistExportOptions = {},
): ChecklistExport {
  const lang = options.lang ?? source.language ?? 'en';
  const index = indexSource(source, lang);
  const rooms = new Map(source.rooms.map((r) => [r.id, r]));
  const racks = new Map(source.racks.map((r) => [r.id, r]));
  const roomOrder = source.audit.roomIds.filter((id) => rooms.has(id));
  const devicesByRoom = new Map<string, Device[]>();
  for (const device of source.devices) {
    push(devicesByRoom, device.roomId, device);
  }
  for (const roomId of devicesByRoom.keys()) {
    if (!roomOrder.includes(roomId) && rooms.has(roomId)) roomOrder.push(roomId);
  }

  const checklists: Checklist[] = [];
  const skipped: ChecklistExport['skipped'] = [];
  const titles = new Set<string>();
  const add = (room: Room, device: Device | null) => {
    const subject = subjectRef(room.id, device?.id ?? null);
    const { checklistId, stigUuid } = checklistIds(source.audit.id, subject, source.template);
    const rules = rulesOf(source, index, room, device, checklistId, lang);
    if (rules.length === 0) {
      skipped.push({ roomId: room.id, deviceId: device?.id ?? null, reason: 'no_items' });
      return;
    }
    const rack = device?.rackId ? racks.get(device.rackId) : undefined;
    const target = targetOf(source, room, device, rack?.name ?? null);
    const stig = { ...stigOf(source.template, stigUuid), rules };
    const base = checklistTitle(target.hostName, stig.stigId, revisionOf(source.template));
    let title = base;
    for (let n = 2; titles.has(title.toLowerCase()); n++) title = `${base}-${n}`;
    titles.add(title.toLowerCase());
    checklists.push({
      id: checklistId,
      title,
      subject: { roomId: room.id, deviceId: device?.id ?? null },
      target,
      stig,
    });
  };
  for (const roomId of roomOrder) {
    const room = rooms.get(roomId)!;
    if (source.audit.roomIds.includes(roomId)) add(room, null);
    const roomRacks = source.racks.filter((r) => r.roomId === roomId);
    for (const device of walkOrder(roomRacks, devicesByRoom.get(roomId) ?? [])) add(room, device);
  }
  for (const [roomId, devices] of devicesByRoom) {
    if (rooms.has(roomId)) continue;
    for (const d of devices) skipped.push({ roomId, deviceId: d.id, reason: 'no_room' });
  }
  return { checklists, skipped };
}
