import type {
  AnswerResult,
  AuditStatus,
  Classification,
  DeviceType,
  EvidenceMimeType,
  FindingStatus,
  LastSeenSource,
  LifecycleStatus,
  ManagementInterfaceKind,
  MediaKind,
  NetworkState,
  PowerState,
  ReconciliationState,
  SanitizationMethod,
  Severity,
  TriState,
} from '../domain/enums.ts';
import type { DeviceFieldId } from '../domain/device-fields.ts';
import type { CheckItem } from '../domain/schemas.ts';
import type { ScheduleStatus } from '../audit/schedule.ts';
import type { Bilingual, Lang } from './lang.ts';

// Display names for every stored enum value, in both UI languages. The renderer, the report and
// the import pipeline (which must recognise Chinese values such as 在用 / 闲置 / 服务器) all read
// them from here so a value is named the same way everywhere. Each table is a Record over its
// enum, so adding an enum value without naming it in both languages fails to compile.

type Labels<K extends string> = Readonly<Record<K, Bilingual>>;

const deviceType: Labels<DeviceType> = {
  server: { en: 'Server', zh: '服务器' },
  virtualization_host: { en: 'Virtualization host', zh: '虚拟化主机' },
  storage: { en: 'Storage (SAN/NAS/tape)', zh: '存储设备（SAN/NAS/磁带库）' },
  switch: { en: 'Switch', zh: '交换机' },
  router: { en: 'Router', zh: '路由器' },
  firewall: { en: 'Firewall', zh: '防火墙' },
  wireless: { en: 'Wireless AP / controller', zh: '无线接入点/控制器' },
  vpn_crypto: { en: 'VPN / crypto device', zh: 'VPN/密码设备' },
  console_kvm: { en: 'Console server / KVM', zh: '控制台服务器/KVM' },
  pdu_ups_sensor: {
    en: 'Smart PDU / UPS card / environmental sensor',
    zh: '智能PDU/UPS网卡/环境传感器',
  },
  ip_camera: { en: 'IP camera', zh: '网络摄像机' },
  nvr_vms: { en: 'NVR / DVR / VMS server', zh: '录像机/视频管理服务器（NVR/DVR/VMS）' },
  access_control: { en: 'Access-control panel', zh: '门禁控制器' },
  workstation: { en: 'Workstation / thin client', zh: '工作站/瘦客户机' },
  printer_mfp: { en: 'Printer / MFP / scanner', zh: '打印机/多功能一体机/扫描仪' },
  loose_media: {
    en: 'Loose media (HDD/SSD/USB/optical)',
    zh: '独立存储介质（硬盘/固态硬盘/U盘/光盘）',
  },
  other: { en: 'Other', zh: '其他' },
};

const lifecycleStatus: Labels<LifecycleStatus> = {
  planned: { en: 'Planned', zh: '计划中' },
  active: { en: 'Active', zh: '在用' },
  idle: { en: 'Idle', zh: '闲置' },
  offline: { en: 'Offline / disconnected', zh: '离线/已断开' },
  decommissioning: { en: 'Decommissioning', zh: '退役中' },
  awaiting_sanitization: { en: 'Awaiting sanitization', zh: '待数据清除' },
  sanitized: { en: 'Sanitized', zh: '已数据清除' },
  disposed: { en: 'Disposed / destroyed', zh: '已处置/已销毁' },
  stored_spare: { en: 'Stored spare', zh: '备件存放' },
  missing: { en: 'Missing', zh: '缺失' },
  failed: { en: 'Failed', zh: '故障' },
};

const triState: Labels<TriState> = {
  yes: { en: 'Yes', zh: '是' },
  no: { en: 'No', zh: '否' },
  unknown: { en: 'Unknown', zh: '未知' },
};

const powerState: Labels<PowerState> = {
  on: { en: 'Powered on', zh: '通电' },
  off: { en: 'Powered off', zh: '断电' },
  unknown: { en: 'Unknown', zh: '未知' },
};

const networkState: Labels<NetworkState> = {
  connected: { en: 'Connected', zh: '已联网' },
  disconnected: { en: 'Disconnected', zh: '未联网' },
  unknown: { en: 'Unknown', zh: '未知' },
};

const lastSeenSource: Labels<LastSeenSource> = {
  login: { en: 'Last login', zh: '最近登录' },
  traffic: { en: 'Last network traffic', zh: '最近网络流量' },
  unknown: { en: 'Unknown', zh: '未知' },
};

const managementInterfaceKind: Labels<ManagementInterfaceKind> = {
  bmc: { en: 'BMC', zh: 'BMC 基板管理控制器' },
  ilo: { en: 'iLO', zh: 'iLO' },
  idrac: { en: 'iDRAC', zh: 'iDRAC' },
  ipmi: { en: 'IPMI', zh: 'IPMI' },
  kvm_ip: { en: 'KVM over IP', zh: '网络 KVM（KVM over IP）' },
  console_server: { en: 'Console server', zh: '控制台服务器' },
  web_admin: { en: 'Web administration', zh: 'Web 管理界面' },
  other: { en: 'Other', zh: '其他' },
};

const mediaKind: Labels<MediaKind> = {
  hdd: { en: 'Hard disk (HDD)', zh: '机械硬盘（HDD）' },
  ssd: { en: 'Solid-state drive (SSD)', zh: '固态硬盘（SSD）' },
  nvme: { en: 'NVMe drive', zh: 'NVMe 固态硬盘' },
  flash: { en: 'Flash memory', zh: '闪存' },
  sd_card: { en: 'SD card', zh: 'SD 卡' },
  tape: { en: 'Tape', zh: '磁带' },
  optical: { en: 'Optical disc', zh: '光盘' },
  usb: { en: 'USB drive', zh: 'U盘' },
  other: { en: 'Other', zh: '其他' },
};

// NIST SP 800-88 terms; 清除 / 净化 / 销毁 are the usual Chinese renderings of clear/purge/destroy.
const sanitizationMethod: Labels<SanitizationMethod> = {
  clear: { en: 'Clear', zh: '清除' },
  purge: { en: 'Purge', zh: '净化' },
  destroy: { en: 'Destroy', zh: '销毁' },
};

const severity: Labels<Severity> = {
  high: { en: 'High', zh: '高' },
  medium: { en: 'Medium', zh: '中' },
  low: { en: 'Low', zh: '低' },
};

/** The DISA category each severity maps onto, for reports and STIG exchange. */
const severityCat: Labels<Severity> = {
  high: { en: 'CAT I', zh: 'CAT I' },
  medium: { en: 'CAT II', zh: 'CAT II' },
  low: { en: 'CAT III', zh: 'CAT III' },
};

/** What each level means (DOMAIN.md "Severity"), for legends in the UI and the report. */
const severityMeaning: Labels<Severity> = {
  high: {
    en: 'High (CAT I): directly enables compromise or loss of secrets',
    zh: '高（CAT I）：可直接导致失泄密或系统被攻破',
  },
  medium: {
    en: 'Medium (CAT II): weakens protection; could lead to compromise together with other weaknesses',
    zh: '中（CAT II）：削弱防护，与其他弱点叠加可能导致失泄密',
  },
  low: {
    en: 'Low (CAT III): degrades protection or record keeping',
    zh: '低（CAT III）：降低防护水平或影响记录完整',
  },
};

const answerResult: Labels<AnswerResult> = {
  pass: { en: 'Pass', zh: '通过' },
  fail: { en: 'Fail', zh: '不通过' },
  na: { en: 'Not applicable', zh: '不适用' },
  unchecked: { en: 'Not checked', zh: '未检查' },
};

const findingStatus: Labels<FindingStatus> = {
  open: { en: 'Open', zh: '待整改' },
  in_remediation: { en: 'In remediation', zh: '整改中' },
  closed: { en: 'Closed', zh: '已关闭' },
  risk_accepted: { en: 'Risk accepted', zh: '已接受风险' },
};

const auditStatus: Labels<AuditStatus> = {
  draft: { en: 'Draft', zh: '草稿' },
  in_progress: { en: 'In progress', zh: '进行中' },
  completed: { en: 'Completed', zh: '已完成' },
  signed: { en: 'Signed', zh: '已签署' },
};

const reconciliationState: Labels<ReconciliationState> = {
  found: { en: 'Found', zh: '已找到' },
  not_found: { en: 'Not found', zh: '未找到' },
  unexpected: { en: 'Unexpected device found here', zh: '发现未登记设备' },
  wrong_location: { en: 'Wrong location', zh: '位置不符' },
};

// Chinese state-secret levels run 秘密 < 机密 < 绝密, conventionally rendered in English as
// Confidential < Secret < Top Secret; the enum is ordered the same way.
const classification: Labels<Classification> = {
  unclassified: { en: 'Unclassified', zh: '非密' },
  internal: { en: 'Internal', zh: '内部' },
  confidential: { en: 'Confidential', zh: '秘密' },
  secret: { en: 'Secret', zh: '机密' },
  top_secret: { en: 'Top secret', zh: '绝密' },
};

const evidenceMimeType: Labels<EvidenceMimeType> = {
  'image/jpeg': { en: 'JPEG image', zh: 'JPEG 图片' },
  'image/png': { en: 'PNG image', zh: 'PNG 图片' },
  'image/webp': { en: 'WebP image', zh: 'WebP 图片' },
};

const itemScope: Labels<CheckItem['scope']> = {
  room: { en: 'Room', zh: '机房' },
  device: { en: 'Device', zh: '设备' },
};

const scheduleStatus: Labels<ScheduleStatus> = {
  never_audited: { en: 'Never audited', zh: '从未检查' },
  ok: { en: 'Up to date', zh: '按期' },
  due_soon: { en: 'Due soon', zh: '即将到期' },
  overdue: { en: 'Overdue', zh: '已逾期' },
};

// The one name of each device field (shared/domain/device-fields.ts): the editor's label, the
// import preview's and messages' field name and the localised CSV header.
const deviceField: Labels<DeviceFieldId> = {
  id: { en: 'Record id', zh: '记录编号' },
  site: { en: 'Site', zh: '站点' },
  room: { en: 'Room', zh: '机房' },
  name: { en: 'Device name', zh: '设备名称' },
  assetTag: { en: 'Asset tag', zh: '资产编号' },
  type: { en: 'Type', zh: '类型' },
  manufacturer: { en: 'Manufacturer', zh: '制造商' },
  model: { en: 'Model', zh: '型号' },
  serial: { en: 'Serial number', zh: '序列号' },
  classification: { en: 'Highest classification', zh: '最高密级' },
  hostname: { en: 'Hostname', zh: '主机名' },
  ips: { en: 'IP addresses', zh: 'IP 地址' },
  macs: { en: 'MAC addresses', zh: 'MAC 地址' },
  rack: { en: 'Rack', zh: '机柜' },
  positionU: { en: 'Lowest U', zh: '起始 U 位' },
  heightU: { en: 'Height (U)', zh: '高度（U）' },
  owner: { en: 'Owner', zh: '责任人' },
  department: { en: 'Department', zh: '部门' },
  status: { en: 'Lifecycle status', zh: '生命周期状态' },
  idleSince: { en: 'Idle since (last used)', zh: '闲置起始日期（最后使用）' },
  lastSeen: { en: 'Last seen in use', zh: '最近使用日期' },
  lastSeenSource: { en: 'Last seen by', zh: '最近使用依据' },
  firmwareVersion: { en: 'Firmware / OS version', zh: '固件/操作系统版本' },
  firmwareDate: { en: 'Firmware date', zh: '固件日期' },
  endOfSupport: { en: 'Vendor end of support', zh: '厂商停止支持日期' },
  defaultCredentialsChanged: { en: 'Default credentials changed', zh: '已修改默认口令' },
  uniqueCredentials: { en: 'Credentials unique to this device', zh: '口令为本设备独有' },
  credentialsLastRotated: { en: 'Credentials last rotated', zh: '口令最近更换日期' },
  storesOtherCredentials: {
    en: "Stores other devices' credentials (NVR/VMS, NMS, jump host)",
    zh: '存有其他设备的账号口令（录像机/视频管理平台、网管、跳板机）',
  },
  power: { en: 'Power', zh: '电源' },
  networkState: { en: 'Network state', zh: '网络状态' },
  switchName: { en: 'Switch', zh: '交换机' },
  switchPort: { en: 'Switch port', zh: '交换机端口' },
  portEnabled: { en: 'Port enabled', zh: '端口已启用' },
  managementInterfaces: { en: 'Management interfaces', zh: '管理接口' },
  media: { en: 'Data-bearing media', zh: '存储介质' },
  sanitization: { en: 'Sanitization record', zh: '数据清除记录' },
  notes: { en: 'Notes', zh: '备注' },
  firstSeenAuditId: { en: 'First seen in audit', zh: '首次记录的检查' },
  createdAt: { en: 'Created', zh: '创建时间' },
  updatedAt: { en: 'Updated', zh: '更新时间' },
};

export const LABELS = {
  deviceField,
  deviceType,
  lifecycleStatus,
  triState,
  powerState,
  networkState,
  lastSeenSource,
  managementInterfaceKind,
  mediaKind,
  sanitizationMethod,
  severity,
  severityCat,
  severityMeaning,
  answerResult,
  findingStatus,
  auditStatus,
  reconciliationState,
  classification,
  evidenceMimeType,
  itemScope,
  scheduleStatus,
} as const;

export type LabelKind = keyof typeof LABELS;
/** The values a label kind is defined for, e.g. `LabelValue<'severity'>` is `Severity`. */
export type LabelValue<K extends LabelKind> = keyof (typeof LABELS)[K] & string;

/** The display name of one enum value, e.g. `label('lifecycleStatus', 'idle', 'zh')` is 闲置. */
export function label<K extends LabelKind>(kind: K, value: LabelValue<K>, lang: Lang): string {
  const table = LABELS[kind] as Readonly<Record<string, Bilingual>>;
  const entry = Object.hasOwn(table, value) ? table[value] : undefined;
  // Only reachable when untyped data (an old export, a hand-edited file) carries a value this
  // build does not know: show it raw rather than blank, so nothing disappears silently.
  return entry ? entry[lang] : value;
}
