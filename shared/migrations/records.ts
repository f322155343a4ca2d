import { normaliseIdentifier } from '../compare/match-devices.ts';

// One chain of per-record migrations, shared by every reader of stored data: the database
// rows when the Dexie schema is upgraded, the audit snapshot embedded in signed reports and
// in audit exports, backups, and template files. Each record type has a version and ordered
// `up` steps (after tldraw's record migrations); a document says which version each of its
// record types is at (`records`), or is old enough that all of them are at version 1. A
// reader upgrades every record step by step to the current version and only then validates it
// with today's schema, so a file written years ago reads like one written today.
//
// Adding a step: append it to the type's list (its version is the next number), never edit a
// released step, add golden files written by the new version, and test the step on the old.

export const RECORD_TYPES = [
  'site',
  'room',
  'rack',
  'device',
  'template',
  'audit',
  'answer',
  'finding',
  'evidence',
  'reconciliation',
  'scope',
  'findingEvent',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export type RecordVersions = Readonly<Record<RecordType, number>>;

type Json = Record<string, unknown>;
export type MigrationStep = {
  /** The version this step produces. */
  readonly version: number;
  /** What changed and why, for whoever reads the chain later. */
  readonly why: string;
  readonly up: (record: Json) => Json;
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Finding v2: one identity across audits. A v1 finding has none, so its lineage is derived
 * from what it is about and its first sighting, which a carried copy shares with its original:
 * the first audit, the device or room, and the check item (or, raised by hand, its title).
 */
function findingV2(f: Json): Json {
  const first = str(f.firstSeenAuditId);
  const subject = f.deviceId ? `device:${str(f.deviceId)}` : `room:${str(f.roomId)}`;
  const what = f.itemId ? `item:${str(f.itemId)}` : `manual:${normaliseIdentifier(str(f.title))}`;
  return {
    ...f,
    lineageId: `${first}|${subject}|${what}`.slice(0, 300),
    seenIn: [{ auditId: first, at: f.firstSeenAt }],
    carriedFrom: null,
    resolution: null,
    evidenceRefs: [],
  };
}

/** Device v2: when it was last seen in use, not known for a device recorded before. */
function deviceV2(d: Json): Json {
  return { ...d, lastSeen: { date: null, source: 'unknown' } };
}

/** Scope v2: the devices a scope fixed are device records, brought to device v2. */
function scopeV2(s: Json): Json {
  return Array.isArray(s.devices)
    ? { ...s, devices: s.devices.map((d: unknown) => (isJson(d) ? deviceV2(d) : d)) }
    : s;
}

const isJson = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Audit v2: the objectives, audit client and auditees (ISO 19011) and the site's time zone. An
 * older audit stated none of them: they stay empty, and its reports say the zone was not
 * recorded and which one they use instead.
 */
function auditV2(a: Json): Json {
  return { ...a, objectives: '', auditClient: '', auditees: [], timeZone: null };
}

export const MIGRATIONS: Readonly<Record<RecordType, readonly MigrationStep[]>> = {
  site: [],
  room: [],
  rack: [],
  device: [
    {
      version: 2,
      why: 'When the device was last seen in use (last login or last traffic), for the idle rule (D2).',
      up: deviceV2,
    },
  ],
  template: [],
  audit: [
    {
      version: 2,
      why: 'Reports state the objectives, audit client and auditees (ISO 19011) and show times in the zone the audit recorded.',
      up: auditV2,
    },
  ],
  answer: [],
  finding: [
    {
      version: 2,
      why: 'Findings keep one identity across audits: lineage, sightings, origin, resolution and evidence by SHA-256.',
      up: findingV2,
    },
  ],
  evidence: [],
  reconciliation: [],
  scope: [{ version: 2, why: 'Its devices are device records of version 2.', up: scopeV2 }],
  findingEvent: [],
};

export const CURRENT_VERSIONS: RecordVersions = Object.fromEntries(
  RECORD_TYPES.map((t) => [t, 1 + MIGRATIONS[t].length]),
) as Record<RecordType, number>;

/** Documents written before record versions were recorded hold version 1 of everything. */
export const FIRST_VERSIONS: RecordVersions = Object.fromEntries(
  RECORD_TYPES.map((t) => [t, 1]),
) as Record<RecordType, number>;

/** A record of a version newer than this code knows: reading it would lose what it added. */
export class NewerRecordError extends Error {
  constructor(
    readonly type: RecordType,
    readonly version: number,
  ) {
    super(
      `This file holds ${type} records of version ${version}; this Roomcheck reads up to ${CURRENT_VERSIONS[type]}.`,
    );
    this.name = 'NewerRecordError';
  }
}

/** The versions a document declares, each a known type at a whole version of at least 1. */
export function declaredVersions(value: unknown): RecordVersions | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Record<string, number> = {};
  for (const type of RECORD_TYPES) {
    const v = (value as Record<string, unknown>)[type];
    if (v === undefined) out[type] = 1;
    else if (typeof v === 'number' && Number.isInteger(v) && v >= 1) out[type] = v;
    else return null;
  }
  return out as Record<RecordType, number>;
}

/** One record brought from `from` to the current version of its type. */
export function upgradeRecord(type: RecordType, record: unknown, from: number): unknown {
  const current = CURRENT_VERSIONS[type];
  if (from > current) throw new NewerRecordError(type, from);
  if (from === current || record === null || typeof record !== 'object' || Array.isArray(record))
    return record;
  let out = record as Json;
  for (const step of MIGRATIONS[type]) if (step.version > from) out = step.up(out);
  return out;
}

/** Every record of a list upgraded; anything that is not a list is left for the schema to refuse. */
export function upgradeRecords(type: RecordType, records: unknown, from: number): unknown {
  return Array.isArray(records) ? records.map((r) => upgradeRecord(type, r, from)) : records;
}
