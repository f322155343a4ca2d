import { z } from 'zod';

// Names shared by the app, the hub's rules (main/hub/couchdb/*.js, which must repeat them in
// ES5) and the hub's setup: one database per site, roles, and how documents are named.

/** A site's code at the hub: lower-case letters, digits and hyphens (part of a database name). */
export const SiteCodeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a site code uses a-z, 0-9 and "-" (at most 63)');
export type SiteCode = z.infer<typeof SiteCodeSchema>;

/** The database that holds one site's documents. */
export const siteDatabase = (code: SiteCode): string => `site-${code}`;

/** The site code of a site database's name, or null for any other name. */
export function siteCodeOfDatabase(name: string): SiteCode | null {
  if (!name.startsWith('site-')) return null;
  const code = name.slice('site-'.length);
  return SiteCodeSchema.safeParse(code).success ? code : null;
}

export const ROLE = {
  /** Writes the site's documents (followed by the site code). */
  sitePrefix: 'site:',
  /** Reads every site, publishes countersigned reports. */
  manager: 'manager',
  /** The hub's import station: loads verified air-gap files for any site. */
  importer: 'importer',
} as const;

export const siteRole = (code: SiteCode): string => `${ROLE.sitePrefix}${code}`;

/** The site codes a user's roles make them an inspector of. */
export const siteCodesOfRoles = (roles: readonly string[]): SiteCode[] =>
  roles
    .filter((r) => r.startsWith(ROLE.sitePrefix))
    .map((r) => r.slice(ROLE.sitePrefix.length))
    .filter((c) => SiteCodeSchema.safeParse(c).success);

/** The design document holding the rules, and the version of the rules this app expects. */
export const DESIGN_DOC_ID = '_design/roomcheck';
export const DESIGN_VERSION = 1;

/** Kinds of replicated documents; a document's id is `<kind>:<key>`. */
export const DOC_KINDS = [
  'site',
  'room',
  'rack',
  'device',
  'template',
  'finding',
  'audit',
  'report',
  'resolution',
] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** Written once at a pinned revision, never changed: completed audits and signed reports. */
export const IMMUTABLE_KINDS: readonly DocKind[] = ['audit', 'report'];

export const docId = (kind: DocKind, key: string): string => `${kind}:${key}`;

/** The kind named by a document id, or null. */
export function kindOfDocId(id: string): DocKind | null {
  const kind = id.slice(0, id.indexOf(':'));
  return (DOC_KINDS as readonly string[]).includes(kind) ? (kind as DocKind) : null;
}

/**
 * The one revision an immutable document may have: 1-<first 32 hex digits of the SHA-256 in its
 * id>. The hub refuses every other revision of it (main/hub/couchdb/validate_doc_update.v1.js).
 */
export function pinnedRevision(sha256Hex: string): { rev: string; revisions: Revisions } {
  if (!/^[0-9a-f]{64}$/.test(sha256Hex)) throw new TypeError('expected a SHA-256 in hex');
  const hash = sha256Hex.slice(0, 32);
  return { rev: `1-${hash}`, revisions: { start: 1, ids: [hash] } };
}

export type Revisions = { start: number; ids: string[] };
