import { z } from 'zod';
import type { Bilingual } from '../i18n/lang.ts';
import { FIELD_INFO, IMPORT_FIELDS, type ImportField, normalizeKey } from './fields.ts';

// Built-in profiles: which header means which device field in the exports people bring.
// Every profile falls back to the generic English and Chinese aliases; a profile's own table
// wins where a header means something else there (NetBox's `device_type` is the model, its
// `role` is what Roomcheck calls the device type). A header mapped to null is known and
// deliberately not imported (e.g. Snipe-IT's purchase cost), so the UI can say so.

export const PROFILE_IDS = ['roomcheck', 'netbox', 'snipeit'] as const;
export const ProfileIdSchema = z.enum(PROFILE_IDS);
export type ProfileId = z.infer<typeof ProfileIdSchema>;

export type ImportProfile = {
  id: ProfileId;
  name: Bilingual;
  /** Normalised header -> field, consulted before the generic aliases. */
  headers: ReadonlyMap<string, ImportField | null>;
};

function table(entries: Iterable<readonly [string, ImportField | null]>) {
  const map = new Map<string, ImportField | null>();
  for (const [header, field] of entries) {
    const key = normalizeKey(header);
    if (!map.has(key)) map.set(key, field);
  }
  return map;
}

const GENERIC_TABLE = table(
  IMPORT_FIELDS.flatMap((field) => [
    [FIELD_INFO[field].column, field] as const,
    ...FIELD_INFO[field].aliases.map((h) => [h, field] as const),
    [FIELD_INFO[field].label.en, field] as const,
    [FIELD_INFO[field].label.zh, field] as const,
  ]),
);

// NetBox's device export (DOMAIN.md): its `device_type` is a model, `role` the kind of device,
// `location` the room inside a site; IP columns carry a prefix length.
const NETBOX = table([
  ['device_type', 'model'],
  ['type', 'model'],
  ['role', 'type'],
  ['device_role', 'type'],
  ['location', 'room'],
  ['comments', 'notes'],
  ['description', 'notes'],
  ['primary_ip', 'ips'],
  ['primary_ip4', 'ips'],
  ['primary_ip6', 'ips'],
  ['oob_ip', 'ips'],
  ['position', 'positionU'],
  ['face', null],
  ['airflow', null],
  ['platform', null],
  ['tenant', null],
  ['tags', null],
  ['parent', null],
  ['cluster', null],
  ['virtual_chassis', null],
  ['vc_position', null],
  ['vc_priority', null],
  ['config_template', null],
  ['parent device', null],
  ['region', null],
  ['site group', null],
  ['latitude', null],
  ['longitude', null],
  ['contacts', null],
  ['created', null],
  ['last updated', null],
  ['id', null],
]);

// Snipe-IT's asset export and importer headers (its importer accepts several spellings).
const SNIPEIT = table([
  ['asset tag', 'assetTag'],
  ['asset name', 'name'],
  ['item name', 'name'],
  ['asset model', 'model'],
  ['model', 'model'],
  ['model no', null],
  ['model number', null],
  ['category', 'type'],
  ['status label', 'status'],
  ['location', 'room'],
  ['default location', null],
  ['checked out to', 'owner'],
  ['assigned to', 'owner'],
  ['asset eol date', 'endOfSupport'],
  ['eol date', 'endOfSupport'],
  ['mac address', 'macs'],
  ['ip address', 'ips'],
  ['purchase date', null],
  ['purchase cost', null],
  ['order number', null],
  ['supplier', null],
  ['company', null],
  ['warranty', null],
  ['warranty months', null],
  ['warranty expires', null],
  ['last audit', null],
  ['last audit date', null],
  ['next audit date', null],
  ['requestable', null],
  ['checkout date', null],
  ['expected checkin date', null],
  ['created at', null],
  ['updated at', null],
  ['id', null],
]);

export const PROFILES: Readonly<Record<ProfileId, ImportProfile>> = {
  roomcheck: {
    id: 'roomcheck',
    name: { en: 'Roomcheck inventory / generic', zh: 'Roomcheck 清单 / 通用' },
    headers: new Map(),
  },
  netbox: {
    id: 'netbox',
    name: { en: 'NetBox device export', zh: 'NetBox 设备导出' },
    headers: NETBOX,
  },
  snipeit: {
    id: 'snipeit',
    name: { en: 'Snipe-IT asset export', zh: 'Snipe-IT 资产导出' },
    headers: SNIPEIT,
  },
};

/** What a header means under a profile: a field, known-but-ignored (null), or unknown (undefined). */
export function headerMeaning(profile: ProfileId, header: string): ImportField | null | undefined {
  const key = normalizeKey(header);
  const own = PROFILES[profile].headers;
  if (own.has(key)) return own.get(key);
  return GENERIC_TABLE.get(key);
}

/** Whether a header belongs to a profile's own vocabulary (scores profile-specific matches). */
export function isProfileHeader(profile: ProfileId, header: string): boolean {
  return PROFILES[profile].headers.has(normalizeKey(header));
}

export type ProfileDetection = {
  profile: ProfileId;
  /** The headers that decided it, for the UI to show why. */
  evidence: string[];
};

/**
 * Recognises an export by headers only its source writes together: NetBox names a `role` (or
 * `device_role`) next to `device_type` (its UI export says "Type") and `site`; Snipe-IT names `Asset Tag` next to a status label,
 * category, asset model or checkout column. Everything else reads with the Roomcheck/generic
 * profile, which includes the Chinese aliases.
 */
export function detectProfile(headers: readonly string[]): ProfileDetection {
  const keyed = new Map(headers.map((h) => [normalizeKey(h), h] as const));
  const pick = (...keys: string[]) => keys.map((k) => keyed.get(k)).filter((h) => h !== undefined);
  const role = pick('role', 'devicerole');
  const deviceType = pick('devicetype', 'type');
  const site = pick('site');
  if (role.length && deviceType.length && site.length && !keyed.has('room')) {
    return { profile: 'netbox', evidence: [...role, ...deviceType, ...site] };
  }
  const tag = pick('assettag');
  const snipe = pick(
    'statuslabel',
    'category',
    'assetmodel',
    'checkedoutto',
    'modelno',
    'modelnumber',
  );
  if (tag.length && snipe.length && !keyed.has('devicetype')) {
    return { profile: 'snipeit', evidence: [...tag, ...snipe] };
  }
  return { profile: 'roomcheck', evidence: [] };
}
