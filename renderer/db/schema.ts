// Frozen schema declarations, one per database version. A released version is never edited:
// a change is a new version here, an upgrade function in migrations.ts and a test in
// test/unit/renderer/db/migrations.test.ts. Only fields that are queried are indexed.

export const DB_NAME = 'roomcheck';

export const SCHEMA_V1 = {
  sites: 'id, name',
  rooms: 'id, siteId',
  racks: 'id, roomId',
  devices: 'id, siteId, roomId, rackId, [siteId+assetTag], serial, status, type',
  templates: 'id',
  audits: 'id, siteId, status, *roomIds',
  answers: 'id, auditId, [auditId+deviceId]',
  findings: 'id, auditId, roomId, deviceId, status, severity',
  evidence: 'id, auditId, findingId, deviceId, sha256',
} as const;

/** v2: reconciliation of the inventory during an audit, user settings, and the import log. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  reconciliations: 'id, auditId, [auditId+deviceId]',
  settings: 'key',
  importLog: 'id, at',
} as const;

/**
 * v3: frozen audit records. When an audit is completed (or a prior audit is imported from a
 * signed report or an export) its snapshot is kept as it was, so later comparisons see the
 * inventory of that day rather than today's.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  auditRecords: 'auditId, siteId, *roomIds, completedAt',
} as const;

/**
 * v4 (issue 8): each audit's scope, fixed when it starts (the devices it inspects with their
 * recorded state). Rows move to record versions CURRENT_VERSIONS (findings v2: one identity
 * across audits), frozen records to snapshot v2, and audits without a scope get one from
 * their rooms' devices (migrations.ts).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  auditScopes: 'auditId',
} as const;

/**
 * v5 (issue 11): devices record when they were last seen in use (`lastSeen`, device v2); the
 * rows, the scopes' devices and the frozen records go through the shared chain. Nothing new is
 * indexed.
 */
export const SCHEMA_V5 = SCHEMA_V4;

/**
 * v6 (issue 12): no new table or index. Audits move to record version 2 (objectives, audit
 * client, auditees, time zone; empty and null for the audits already here) and frozen records
 * to snapshot v3 (migrations.ts).
 */
export const SCHEMA_V6 = SCHEMA_V5;

/**
 * v7 (issue 8): the append-only log of finding status changes recorded after completion
 * (shared/findings/status-events.ts), looked up by the finding's lineage; and every frozen
 * record gets its content-derived id (`recordId`, not indexed), computed by the upgrade.
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  findingEvents: 'id, lineageId, auditId',
} as const;

export const SCHEMA_VERSIONS = [
  { version: 1, stores: SCHEMA_V1 },
  { version: 2, stores: SCHEMA_V2 },
  { version: 3, stores: SCHEMA_V3 },
  { version: 4, stores: SCHEMA_V4 },
  { version: 5, stores: SCHEMA_V5 },
  { version: 6, stores: SCHEMA_V6 },
  { version: 7, stores: SCHEMA_V7 },
] as const;

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
