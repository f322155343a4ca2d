import { z } from 'zod';
import type { Bilingual } from '../i18n/labels.ts';

// The device fields a spreadsheet column can be mapped to. Nested records (management
// interfaces, media, sanitization) do not fit one cell and travel in audit exports and backups
// instead. `column` is Roomcheck's own inventory column name: the CSV export writes it and the
// `roomcheck` profile reads it, so an exported inventory imports back unchanged.

export const IMPORT_FIELDS = [
  'assetTag',
  'name',
  'type',
  'serial',
  'status',
  'site',
  'room',
  'rack',
  'positionU',
  'heightU',
  'manufacturer',
  'model',
  'hostname',
  'ips',
  'macs',
  'owner',
  'department',
  'classification',
  'idleSince',
  'firmwareVersion',
  'firmwareDate',
  'endOfSupport',
  'power',
  'networkState',
  'switchName',
  'switchPort',
  'portEnabled',
  'defaultCredentialsChanged',
  'uniqueCredentials',
  'credentialsLastRotated',
  'storesOtherCredentials',
  'notes',
] as const;
export const ImportFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportFieldSchema>;

export type FieldInfo = {
  /** Roomcheck's inventory column name. */
  column: string;
  label: Bilingual;
  /** Several columns may feed it (values are joined); every other field takes one column. */
  multi: boolean;
};

const f = (column: string, en: string, zh: string, multi = false): FieldInfo => ({
  column,
  label: { en, zh },
  multi,
});

export const FIELD_INFO: Readonly<Record<ImportField, FieldInfo>> = {
  assetTag: f('asset_tag', 'asset tag', '资产编号'),
  name: f('name', 'name', '名称'),
  type: f('device_type', 'device type', '设备类型'),
  serial: f('serial', 'serial number', '序列号'),
  status: f('status', 'status', '状态'),
  site: f('site', 'site', '站点'),
  room: f('room', 'room', '机房'),
  rack: f('rack', 'rack', '机柜'),
  positionU: f('position', 'rack position (U)', 'U位'),
  heightU: f('height_u', 'height (U)', '高度（U）'),
  manufacturer: f('manufacturer', 'manufacturer', '品牌/厂商'),
  model: f('model', 'model', '型号'),
  hostname: f('hostname', 'hostname', '主机名'),
  ips: f('ip', 'IP address', 'IP地址', true),
  macs: f('mac', 'MAC address', 'MAC地址', true),
  owner: f('owner', 'owner', '负责人'),
  department: f('department', 'department', '部门'),
  classification: f('classification', 'classification', '密级'),
  idleSince: f('idle_since', 'idle since', '闲置起始日期'),
  firmwareVersion: f('firmware_version', 'firmware/OS version', '固件/系统版本'),
  firmwareDate: f('firmware_date', 'firmware date', '固件日期'),
  endOfSupport: f('end_of_support', 'end of support', '停止支持日期'),
  power: f('power', 'power state', '电源状态'),
  networkState: f('network_state', 'network state', '联网状态'),
  switchName: f('switch_name', 'switch', '上联交换机'),
  switchPort: f('switch_port', 'switch port', '交换机端口'),
  portEnabled: f('port_enabled', 'switch port enabled', '端口已启用'),
  defaultCredentialsChanged: f(
    'default_credentials_changed',
    'default credentials changed',
    '默认口令已修改',
  ),
  uniqueCredentials: f('credentials_unique', 'credentials unique', '口令唯一'),
  credentialsLastRotated: f(
    'credentials_last_rotated',
    'credentials last rotated',
    '口令最近修改日期',
  ),
  storesOtherCredentials: f(
    'stores_other_credentials',
    "stores other devices' credentials",
    '存储其他设备口令',
  ),
  notes: f('notes', 'notes', '备注', true),
};

/** Fields that identify a device for matching; a row needs at least one of them. */
export const IDENTITY_FIELDS: readonly ImportField[] = ['assetTag', 'serial', 'macs'];

/**
 * The comparison key of a header or enum value: full-width forms folded (NFKC), lower case,
 * spaces and the punctuation people sprinkle into headers removed, so "IP 地址", "ip_address"
 * and "IP-Address" meet.
 */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./\\()[\]{}（）【】:：#*'"`’‘“”、,，;；]+/g, '');
}
