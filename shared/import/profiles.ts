import { z } from 'zod';
import type { Bilingual } from '../i18n/labels.ts';
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

const GENERIC: Readonly<Record<ImportField, readonly string[]>> = {
  assetTag: [
    'asset tag',
    'asset no',
    'asset number',
    'asset id',
    'inventory number',
    'tag',
    '资产编号',
    '资产编码',
    '资产号',
    '资产标签',
    '固定资产编号',
    '设备编号',
    '资产条码',
  ],
  name: [
    'name',
    'device name',
    'asset name',
    'item name',
    '名称',
    '设备名称',
    '资产名称',
    '设备名',
  ],
  type: [
    'type',
    'device type',
    'category',
    'role',
    'device role',
    'asset type',
    '类型',
    '设备类型',
    '资产类型',
    '设备类别',
    '资产类别',
    '类别',
    '分类',
  ],
  serial: [
    'serial',
    'serial number',
    'serial no',
    'sn',
    's/n',
    '序列号',
    '设备序列号',
    'sn号',
    '出厂编号',
  ],
  status: [
    'status',
    'state',
    'lifecycle status',
    'status label',
    '状态',
    '使用状态',
    '设备状态',
    '资产状态',
  ],
  site: ['site', '站点', '园区'],
  room: [
    'room',
    'location',
    'computer room',
    'server room',
    '机房',
    '房间',
    '所在机房',
    '机房名称',
    '存放地点',
    '存放位置',
  ],
  rack: ['rack', 'cabinet', 'rack name', '机柜', '机架', '所在机柜', '机柜编号', '机柜名称'],
  positionU: [
    'position',
    'u',
    'rack position',
    'u position',
    'rack unit',
    'u位',
    'u位置',
    '起始u位',
    '机位',
  ],
  heightU: ['height', 'u height', 'size u', 'rack units', '高度', 'u数', '占用u数', '设备高度'],
  manufacturer: [
    'manufacturer',
    'vendor',
    'brand',
    'make',
    '品牌',
    '厂商',
    '厂家',
    '制造商',
    '生产厂家',
    '品牌/厂商',
    '品牌厂商',
  ],
  model: ['model', 'model name', 'asset model', '型号', '设备型号', '规格型号'],
  hostname: ['hostname', 'host name', 'dns name', 'fqdn', '主机名', '计算机名'],
  ips: [
    'ip',
    'ips',
    'ip address',
    'ip addresses',
    'ipv4',
    'ipv6',
    'ipv4 address',
    'ipv6 address',
    'primary ip',
    'management ip',
    'ip地址',
    '管理ip',
    '管理地址',
    'ipv4地址',
    'ipv6地址',
  ],
  macs: ['mac', 'macs', 'mac address', 'mac addresses', 'mac地址', '物理地址', '网卡地址'],
  owner: [
    'owner',
    'responsible',
    'custodian',
    'assigned to',
    'checked out to',
    '负责人',
    '责任人',
    '使用人',
    '保管人',
    '管理员',
  ],
  department: ['department', 'dept', 'division', '部门', '使用部门', '所属部门', '责任部门'],
  classification: [
    'classification',
    'security level',
    'secrecy level',
    '密级',
    '涉密等级',
    '保密等级',
  ],
  idleSince: [
    'idle since',
    'last used',
    'last used date',
    '闲置日期',
    '闲置起始日期',
    '最后使用日期',
  ],
  firmwareVersion: [
    'firmware',
    'firmware version',
    'os version',
    'software version',
    '固件版本',
    '系统版本',
    '软件版本',
    '固件/系统版本',
  ],
  firmwareDate: ['firmware date', 'firmware release date', '固件日期', '升级日期'],
  endOfSupport: [
    'end of support',
    'eos',
    'eos date',
    'eol',
    'eol date',
    'end of life',
    '停止支持日期',
    '停保日期',
  ],
  power: ['power', 'power state', '电源状态', '通电状态', '加电状态'],
  networkState: ['network', 'network state', 'network status', '网络状态', '联网状态'],
  switchName: ['switch name', 'uplink switch', 'connected switch', '上联交换机', '交换机名称'],
  switchPort: ['switch port', 'uplink port', 'port', '交换机端口', '上联端口', '端口'],
  portEnabled: ['port enabled', 'port status', '端口已启用', '端口启用', '端口状态'],
  defaultCredentialsChanged: [
    'default password changed',
    'default credentials changed',
    '默认口令已修改',
    '默认密码已修改',
  ],
  uniqueCredentials: ['unique password', 'unique credentials', '口令唯一', '密码唯一'],
  credentialsLastRotated: [
    'password last changed',
    'credentials last rotated',
    'password changed',
    '口令修改日期',
    '密码修改日期',
    '口令最近修改日期',
  ],
  storesOtherCredentials: [
    'stores other credentials',
    'stores credentials',
    '存储其他设备口令',
    '存有其他设备口令',
  ],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'description', '备注', '说明', '描述'],
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
    ...GENERIC[field].map((h) => [h, field] as const),
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
