import { z } from 'zod';
import {
  Classification,
  DeviceType,
  LastSeenSource,
  LifecycleStatus,
  ManagementInterfaceKind,
  MediaKind,
  NetworkState,
  PowerState,
  SanitizationMethod,
  TriState,
} from './enums.ts';
import { Id, IsoDate, OptionalDate, Text, Timestamp } from './primitives.ts';

// Every field of a device, written down once (after Signal's MESSAGE_COLUMNS): where it sits in
// the record, its type and default, how it is edited and in which section of the editor, which
// spreadsheet column carries it (with the English and Chinese headers people use), which column
// of the report's inventory shows it and where the walk-through shows it. The device schema, the
// blank device, the import field list and its validation, the import preview's patch and diff,
// the CSV export, the report's inventory table and the device editor are all derived from this
// table. Its label is `LABELS.deviceField[id]` (shared/i18n/labels.ts).
//
// Adding a field: one entry here, its label in both languages, and one migration step in
// shared/migrations/records.ts (a database version when it must be indexed). The order of the
// entries is the editor's reading order, which the CSV export and the schema follow.

export const ManagementInterfaceSchema = z.object({
  kind: ManagementInterfaceKind,
  address: Text(100),
  enabled: TriState,
  isolated: TriState,
  credentialsChanged: TriState,
});
export type ManagementInterface = z.infer<typeof ManagementInterfaceSchema>;

export const MediaRecordSchema = z.object({
  count: z.number().int().min(0).max(10_000),
  kind: MediaKind,
  serials: z.array(Text(100)).max(1000),
});
export type MediaRecord = z.infer<typeof MediaRecordSchema>;

export const SanitizationRecordSchema = z.object({
  method: SanitizationMethod,
  tool: Text(200),
  verifiedBy: Text(200),
  witness: Text(200),
  date: IsoDate,
  certificateId: Text(200),
  destination: Text(200),
});
export type SanitizationRecord = z.infer<typeof SanitizationRecordSchema>;

/** Label kinds (shared/i18n/labels.ts) of the enums a device field can hold. */
export type EnumLabelKind =
  | 'deviceType'
  | 'lifecycleStatus'
  | 'triState'
  | 'powerState'
  | 'networkState'
  | 'lastSeenSource'
  | 'classification';

/** How a value is typed, read from a cell, written to one and shown. */
export type FieldKind =
  | { readonly kind: 'text' }
  | { readonly kind: 'enum'; readonly labels: EnumLabelKind }
  | { readonly kind: 'flag' }
  /** `past`: a fact that happened, so not after the inspection day. */
  | { readonly kind: 'date'; readonly past: boolean }
  | { readonly kind: 'list'; readonly of: 'ip' | 'mac' }
  | { readonly kind: 'u'; readonly role: 'position' | 'height' }
  /** Stored as an id, read and written by name. */
  | { readonly kind: 'place'; readonly of: 'site' | 'room' | 'rack' }
  /** Nested records the editor has its own control for and no cell holds. */
  | { readonly kind: 'record' }
  /** Ids, links and timestamps: nobody types them. */
  | { readonly kind: 'meta' };

/** The editor's sections, in order; `width` is how much of the row it takes. */
export const FORM_SECTIONS = [
  { id: 'identity', width: 'half' },
  { id: 'addresses', width: 'half' },
  { id: 'location', width: 'full' },
  { id: 'lifecycle', width: 'full' },
  { id: 'firmware', width: 'full' },
  { id: 'credentials', width: 'half' },
  { id: 'observed', width: 'half' },
  { id: 'management', width: 'wide' },
  { id: 'media', width: 'wide' },
  { id: 'sanitization', width: 'wide' },
  { id: 'notes', width: 'wide' },
] as const;
export type FormSection = (typeof FORM_SECTIONS)[number]['id'];

export type FormPlacement = {
  readonly section: FormSection;
  /** Grid columns taken of the section's four (default 1). */
  readonly span?: 2 | 4;
  /** Identifiers read better in a fixed-width font. */
  readonly mono?: boolean;
  /** A text field that takes several lines. */
  readonly rows?: number;
  readonly placeholder?: string;
  /** The first field of a new device. */
  readonly autoFocus?: boolean;
  /** A device cannot be saved without it. */
  readonly required?: true;
};

export type ImportColumn = {
  /** Roomcheck's own column name: the CSV export writes it, the `roomcheck` profile reads it. */
  readonly column: string;
  /** Other headers meaning this field, English and Chinese; the labels count as well. */
  readonly aliases: readonly string[];
  /** Several columns may feed it (values are joined); every other field takes one column. */
  readonly multi?: boolean;
};

/** The columns of the report's inventory appendix, in order. */
export const REPORT_COLUMNS = [
  'assetTag',
  'name',
  'type',
  'rack',
  'status',
  'powerNetwork',
  'owner',
  'lastSeen',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

export type ReportPlacement = {
  readonly column: ReportColumn;
  /** Fields of one column sharing a line number print on one line, else one line each. */
  readonly line?: number;
};

type Path = readonly [string] | readonly [string, string];

export type FieldDescriptor<
  I extends string = string,
  P extends Path = Path,
  T extends z.ZodType = z.ZodType,
> = {
  /** The field's one name: its label key, import field id and form path's last word. */
  readonly id: I;
  /** Where it sits in the Device record. */
  readonly path: P;
  readonly type: T;
  /** A new device's value; absent for what the caller must give (ids, links, timestamps). */
  readonly default?: z.output<T>;
  readonly kind: FieldKind;
  readonly form?: FormPlacement;
  readonly import?: ImportColumn;
  readonly report?: ReportPlacement;
};

/** Keeps each entry's own type (which parts it has), and checks its default against its type. */
const field = <const D extends FieldDescriptor>(
  descriptor: D & FieldDescriptor<D['id'], D['path'], D['type']>,
): D => descriptor;

const TEXT = { kind: 'text' } as const;
const META = { kind: 'meta' } as const;
const RECORD = { kind: 'record' } as const;
const enumOf = <L extends EnumLabelKind>(labels: L) => ({ kind: 'enum', labels }) as const;
const pastDate = { kind: 'date', past: true } as const;
const col = (column: string, aliases: readonly string[], multi?: true): ImportColumn =>
  multi ? { column, aliases, multi } : { column, aliases };

export const DEVICE_FIELDS = [
  field({ id: 'id', path: ['id'], type: Id, kind: META }),
  field({
    id: 'site',
    path: ['siteId'],
    type: Id,
    kind: { kind: 'place', of: 'site' },
    import: col('site', ['site', '站点', '园区']),
  }),
  field({
    id: 'room',
    path: ['roomId'],
    type: Id,
    kind: { kind: 'place', of: 'room' },
    import: col('room', [
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
    ]),
  }),
  // --- identity -------------------------------------------------------------------------
  field({
    id: 'name',
    path: ['name'],
    type: Text(200),
    default: '',
    kind: TEXT,
    form: { section: 'identity', span: 2, autoFocus: true, required: true },
    import: col('name', [
      'name',
      'device name',
      'asset name',
      'item name',
      '名称',
      '设备名称',
      '资产名称',
      '设备名',
    ]),
    report: { column: 'name' },
  }),
  field({
    id: 'assetTag',
    path: ['assetTag'],
    type: Text(100),
    default: '',
    kind: TEXT,
    form: { section: 'identity', mono: true },
    import: col('asset_tag', [
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
    ]),
    report: { column: 'assetTag' },
  }),
  field({
    id: 'type',
    path: ['type'],
    type: DeviceType,
    default: 'server',
    kind: enumOf('deviceType'),
    form: { section: 'identity' },
    import: col('device_type', [
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
    ]),
    report: { column: 'type' },
  }),
  field({
    id: 'manufacturer',
    path: ['manufacturer'],
    type: Text(100),
    default: '',
    kind: TEXT,
    form: { section: 'identity' },
    import: col('manufacturer', [
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
    ]),
    report: { column: 'name', line: 1 },
  }),
  field({
    id: 'model',
    path: ['model'],
    type: Text(100),
    default: '',
    kind: TEXT,
    form: { section: 'identity' },
    import: col('model', ['model', 'model name', 'asset model', '型号', '设备型号', '规格型号']),
    report: { column: 'name', line: 1 },
  }),
  field({
    id: 'serial',
    path: ['serial'],
    type: Text(100),
    default: '',
    kind: TEXT,
    form: { section: 'identity', mono: true },
    import: col('serial', [
      'serial',
      'serial number',
      'serial no',
      'sn',
      's/n',
      '序列号',
      '设备序列号',
      'sn号',
      '出厂编号',
    ]),
  }),
  field({
    id: 'classification',
    path: ['classification'],
    type: Classification,
    default: 'unclassified',
    kind: enumOf('classification'),
    form: { section: 'identity' },
    import: col('classification', [
      'classification',
      'security level',
      'secrecy level',
      '密级',
      '涉密等级',
      '保密等级',
    ]),
  }),
  // --- network identity -----------------------------------------------------------------
  field({
    id: 'hostname',
    path: ['hostname'],
    type: Text(253),
    default: '',
    kind: TEXT,
    form: { section: 'addresses', span: 4, mono: true },
    import: col('hostname', ['hostname', 'host name', 'dns name', 'fqdn', '主机名', '计算机名']),
  }),
  field({
    id: 'ips',
    path: ['ips'],
    type: z.array(Text(45)).max(64),
    default: [],
    kind: { kind: 'list', of: 'ip' },
    form: { section: 'addresses', span: 2, mono: true, rows: 2, placeholder: '10.0.0.5' },
    import: col(
      'ip',
      [
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
      true,
    ),
  }),
  field({
    id: 'macs',
    path: ['macs'],
    type: z.array(Text(17)).max(64),
    default: [],
    kind: { kind: 'list', of: 'mac' },
    form: { section: 'addresses', span: 2, mono: true, rows: 2, placeholder: '00:1A:2B:3C:4D:5E' },
    import: col(
      'mac',
      ['mac', 'macs', 'mac address', 'mac addresses', 'mac地址', '物理地址', '网卡地址'],
      true,
    ),
  }),
  // --- location -------------------------------------------------------------------------
  field({
    id: 'rack',
    path: ['rackId'],
    type: Id.nullable(),
    default: null,
    kind: { kind: 'place', of: 'rack' },
    form: { section: 'location', span: 2 },
    import: col('rack', [
      'rack',
      'cabinet',
      'rack name',
      '机柜',
      '机架',
      '所在机柜',
      '机柜编号',
      '机柜名称',
    ]),
    report: { column: 'rack' },
  }),
  field({
    id: 'positionU',
    /** Lowest U the device occupies, counted from the bottom of the rack. */
    path: ['positionU'],
    type: z.number().int().min(1).max(60).nullable(),
    default: null,
    kind: { kind: 'u', role: 'position' },
    form: { section: 'location' },
    import: col('position', [
      'position',
      'rack position (U)',
      'u',
      'rack position',
      'u position',
      'rack unit',
      'u位',
      'u位置',
      '起始u位',
      '机位',
    ]),
    report: { column: 'rack' },
  }),
  field({
    id: 'heightU',
    path: ['heightU'],
    type: z.number().int().min(1).max(60),
    default: 1,
    kind: { kind: 'u', role: 'height' },
    form: { section: 'location' },
    import: col('height_u', [
      'height',
      'height (U)',
      '高度（U）',
      'u height',
      'size u',
      'rack units',
      '高度',
      'u数',
      '占用u数',
      '设备高度',
    ]),
  }),
  // --- owner and lifecycle --------------------------------------------------------------
  field({
    id: 'owner',
    path: ['owner'],
    type: Text(200),
    default: '',
    kind: TEXT,
    form: { section: 'lifecycle', span: 2 },
    import: col('owner', [
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
    ]),
    report: { column: 'owner' },
  }),
  field({
    id: 'department',
    path: ['department'],
    type: Text(200),
    default: '',
    kind: TEXT,
    form: { section: 'lifecycle', span: 2 },
    import: col('department', [
      'department',
      'dept',
      'division',
      '部门',
      '使用部门',
      '所属部门',
      '责任部门',
    ]),
  }),
  field({
    id: 'status',
    path: ['status'],
    type: LifecycleStatus,
    default: 'active',
    kind: enumOf('lifecycleStatus'),
    form: { section: 'lifecycle', span: 2 },
    import: col('status', [
      'status',
      'state',
      'lifecycle status',
      'status label',
      '状态',
      '使用状态',
      '设备状态',
      '资产状态',
    ]),
    report: { column: 'status' },
  }),
  field({
    id: 'idleSince',
    path: ['idleSince'],
    type: OptionalDate,
    default: null,
    kind: pastDate,
    form: { section: 'lifecycle', span: 2 },
    import: col('idle_since', [
      'idle since',
      'last used',
      'last used date',
      '闲置日期',
      '闲置起始日期',
      '最后使用日期',
    ]),
  }),
  field({
    /** When the device was last seen in use, so a device nobody uses is found (D2). */
    id: 'lastSeen',
    path: ['lastSeen', 'date'],
    type: OptionalDate,
    default: null,
    kind: pastDate,
    form: { section: 'lifecycle', span: 2 },
    import: col('last_seen', [
      'last seen',
      'last seen in use',
      'last activity',
      'last login',
      'last logon',
      'last traffic',
      '最近使用',
      '最后登录时间',
      '最近登录时间',
      '最近活动时间',
      '最后在线时间',
    ]),
    report: { column: 'lastSeen' },
  }),
  field({
    id: 'lastSeenSource',
    path: ['lastSeen', 'source'],
    type: LastSeenSource,
    default: 'unknown',
    kind: enumOf('lastSeenSource'),
    form: { section: 'lifecycle', span: 2 },
    import: col('last_seen_source', [
      'last seen source',
      'last seen from',
      'activity source',
      '最近使用来源',
      '活动来源',
    ]),
    report: { column: 'lastSeen' },
  }),
  // --- firmware -------------------------------------------------------------------------
  field({
    id: 'firmwareVersion',
    path: ['firmwareVersion'],
    type: Text(100),
    default: '',
    kind: TEXT,
    form: { section: 'firmware', span: 4 },
    import: col('firmware_version', [
      'firmware',
      'firmware version',
      'firmware/OS version',
      'os version',
      'software version',
      '固件版本',
      '系统版本',
      '软件版本',
      '固件/系统版本',
    ]),
  }),
  field({
    id: 'firmwareDate',
    path: ['firmwareDate'],
    type: OptionalDate,
    default: null,
    kind: pastDate,
    form: { section: 'firmware', span: 2 },
    import: col('firmware_date', [
      'firmware date',
      'firmware release date',
      '固件日期',
      '升级日期',
    ]),
  }),
  field({
    id: 'endOfSupport',
    path: ['endOfSupport'],
    type: OptionalDate,
    default: null,
    kind: { kind: 'date', past: false },
    form: { section: 'firmware', span: 2 },
    import: col('end_of_support', [
      'end of support',
      'eos',
      'eos date',
      'eol',
      'eol date',
      'end of life',
      '停止支持日期',
      '停保日期',
    ]),
  }),
  // --- credentials ----------------------------------------------------------------------
  field({
    id: 'defaultCredentialsChanged',
    path: ['credentials', 'defaultChanged'],
    type: TriState,
    default: 'unknown',
    kind: enumOf('triState'),
    form: { section: 'credentials', span: 2 },
    import: col('default_credentials_changed', [
      'default password changed',
      'default credentials changed',
      '默认口令已修改',
      '默认密码已修改',
    ]),
  }),
  field({
    id: 'uniqueCredentials',
    path: ['credentials', 'unique'],
    type: TriState,
    default: 'unknown',
    kind: enumOf('triState'),
    form: { section: 'credentials', span: 2 },
    import: col('credentials_unique', [
      'unique password',
      'unique credentials',
      'credentials unique',
      '口令唯一',
      '密码唯一',
    ]),
  }),
  field({
    id: 'credentialsLastRotated',
    path: ['credentials', 'lastRotated'],
    type: OptionalDate,
    default: null,
    kind: pastDate,
    form: { section: 'credentials', span: 2 },
    import: col('credentials_last_rotated', [
      'password last changed',
      'credentials last rotated',
      'password changed',
      '口令修改日期',
      '密码修改日期',
      '口令最近修改日期',
    ]),
  }),
  field({
    /** NVR/VMS, NMS, jump hosts: holds the passwords of other devices (C2). */
    id: 'storesOtherCredentials',
    path: ['credentials', 'storesOtherCredentials'],
    type: z.boolean(),
    default: false,
    kind: { kind: 'flag' },
    form: { section: 'credentials', span: 2 },
    import: col('stores_other_credentials', [
      'stores other credentials',
      'stores credentials',
      "stores other devices' credentials",
      '存储其他设备口令',
      '存有其他设备口令',
    ]),
  }),
  // --- observed power and network -------------------------------------------------------
  field({
    id: 'power',
    path: ['power'],
    type: PowerState,
    default: 'unknown',
    kind: enumOf('powerState'),
    form: { section: 'observed', span: 2 },
    import: col('power', ['power', 'power state', '电源状态', '通电状态', '加电状态']),
    report: { column: 'powerNetwork' },
  }),
  field({
    id: 'networkState',
    path: ['network', 'state'],
    type: NetworkState,
    default: 'unknown',
    kind: enumOf('networkState'),
    form: { section: 'observed', span: 2 },
    import: col('network_state', [
      'network',
      'network state',
      'network status',
      '网络状态',
      '联网状态',
    ]),
    report: { column: 'powerNetwork' },
  }),
  field({
    id: 'switchName',
    path: ['network', 'switchName'],
    type: Text(100),
    default: '',
    kind: TEXT,
    form: { section: 'observed', span: 2 },
    import: col('switch_name', [
      'switch name',
      'uplink switch',
      'connected switch',
      '上联交换机',
      '交换机名称',
    ]),
  }),
  field({
    id: 'switchPort',
    path: ['network', 'switchPort'],
    type: Text(50),
    default: '',
    kind: TEXT,
    form: { section: 'observed', mono: true },
    import: col('switch_port', [
      'switch port',
      'uplink port',
      'port',
      '交换机端口',
      '上联端口',
      '端口',
    ]),
  }),
  field({
    id: 'portEnabled',
    path: ['network', 'portEnabled'],
    type: TriState,
    default: 'unknown',
    kind: enumOf('triState'),
    form: { section: 'observed' },
    import: col('port_enabled', [
      'port enabled',
      'port status',
      'switch port enabled',
      '端口已启用',
      '端口启用',
      '端口状态',
    ]),
  }),
  // --- records that do not fit one cell -------------------------------------------------
  field({
    id: 'managementInterfaces',
    path: ['managementInterfaces'],
    type: z.array(ManagementInterfaceSchema).max(16),
    default: [],
    kind: RECORD,
    form: { section: 'management' },
  }),
  field({
    id: 'media',
    path: ['media'],
    type: z.array(MediaRecordSchema).max(64),
    default: [],
    kind: RECORD,
    form: { section: 'media' },
  }),
  field({
    id: 'sanitization',
    path: ['sanitization'],
    type: SanitizationRecordSchema.nullable(),
    default: null,
    kind: RECORD,
    form: { section: 'sanitization' },
  }),
  field({
    id: 'notes',
    path: ['notes'],
    type: Text(10_000),
    default: '',
    kind: TEXT,
    form: { section: 'notes', rows: 3 },
    import: col(
      'notes',
      ['notes', 'note', 'comments', 'comment', 'remarks', 'description', '备注', '说明', '描述'],
      true,
    ),
    // The inspector's note says what the fields cannot ("replaced in 2024, never switched
    // off"): it belongs with the device on paper.
    report: { column: 'name' },
  }),
  // --- bookkeeping ----------------------------------------------------------------------
  field({
    /** The audit in which this device was first recorded (carried forward across audits). */
    id: 'firstSeenAuditId',
    path: ['firstSeenAuditId'],
    type: Id.nullable(),
    default: null,
    kind: META,
  }),
  field({ id: 'createdAt', path: ['createdAt'], type: Timestamp, kind: META }),
  field({ id: 'updatedAt', path: ['updatedAt'], type: Timestamp, kind: META }),
] as const;

type Fields = (typeof DEVICE_FIELDS)[number];
export type DeviceField = Fields;
export type DeviceFieldId = Fields['id'];

// The schema's shape, derived from the paths: one-word paths are fields of the device, two-word
// paths fields of a nested object named by the first word.
type TopName<F> = F extends { path: readonly [infer A extends string] } ? A : never;
type GroupName<F> = F extends { path: readonly [infer A extends string, string] } ? A : never;
type GroupShape<G extends string> = {
  [F in Fields as F['path'] extends readonly [G, infer B extends string] ? B : never]: F['type'];
};
type DeviceShape = { [F in Fields as TopName<F>]: F['type'] } & {
  [G in GroupName<Fields>]: z.ZodObject<GroupShape<G>>;
};
type Flat<T> = { [K in keyof T]: T[K] };

function deviceShape(): z.ZodRawShape {
  const shape: Record<string, z.ZodType> = {};
  const groups: Record<string, Record<string, z.ZodType>> = {};
  for (const f of DEVICE_FIELDS) {
    const [head, leaf] = f.path as Path;
    if (leaf === undefined) shape[head] = f.type;
    else {
      let group = groups[head];
      if (!group) {
        group = groups[head] = {};
        // The nested object takes the place of its first field, so the order stays the table's.
        shape[head] = z.never();
      }
      group[leaf] = f.type;
    }
  }
  for (const [name, group] of Object.entries(groups)) shape[name] = z.object(group);
  return shape;
}

export const DeviceSchema = z.object(deviceShape()) as unknown as z.ZodObject<Flat<DeviceShape>>;
export type Device = z.infer<typeof DeviceSchema>;

export const CredentialStatusSchema = DeviceSchema.shape.credentials;
export type CredentialStatus = Device['credentials'];
export const NetworkObservationSchema = DeviceSchema.shape.network;
export type NetworkObservation = Device['network'];

/** A field's value in a device, by its path. */
export function fieldValue(device: Device, f: DeviceField): unknown {
  const [head, leaf] = f.path as Path;
  const top = (device as Record<string, unknown>)[head];
  return leaf === undefined ? top : (top as Record<string, unknown>)[leaf];
}

/** Sets a field's value in a device being built (nested objects must be its own copies). */
export function setFieldValue(target: Record<string, unknown>, f: DeviceField, value: unknown) {
  const [head, leaf] = f.path as Path;
  if (leaf === undefined) target[head] = value;
  else ((target[head] ??= {}) as Record<string, unknown>)[leaf] = value;
}

/** A copy of a device whose nested objects can be changed without touching the original. */
export function copyDevice(device: Device): Device {
  const out: Record<string, unknown> = { ...device };
  for (const f of DEVICE_FIELDS) {
    const [head, leaf] = f.path as Path;
    if (leaf !== undefined && out[head] === (device as Record<string, unknown>)[head])
      out[head] = { ...(out[head] as object) };
  }
  return out as Device;
}

/** What a device needs besides its defaults: where it is; the database gives id and times. */
export type BlankDevice = Omit<Device, 'id' | 'createdAt' | 'updatedAt'>;

/** A new device in a room with every field at its default. */
export function blankDevice(siteId: string, roomId: string): BlankDevice {
  const out: Record<string, unknown> = { siteId, roomId };
  for (const f of DEVICE_FIELDS) {
    if (!('default' in f)) continue;
    // Lists are fresh copies: a blank device must not share its arrays with another.
    setFieldValue(out, f, Array.isArray(f.default) ? [] : f.default);
  }
  return out as BlankDevice;
}

/** The fields a spreadsheet column can be mapped to, in the export's column order. */
export const IMPORT_DEVICE_FIELDS = DEVICE_FIELDS.filter(
  (f): f is Extract<Fields, { import: ImportColumn }> => 'import' in f,
);

/** The fields the editor shows, in its reading order. */
export const FORM_FIELDS = DEVICE_FIELDS.filter(
  (f): f is Extract<Fields, { form: FormPlacement }> => 'form' in f,
);

const byId = new Map<string, DeviceField>(DEVICE_FIELDS.map((f) => [f.id, f]));
export function deviceField(id: DeviceFieldId): DeviceField {
  return byId.get(id)!;
}
