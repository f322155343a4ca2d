import { DEVICE_TYPES, type DeviceType } from '../domain/enums.ts';
import type { CheckItem, LocalizedText, Template } from '../domain/schemas.ts';

// The built-in "Secure room" checklist: every item of the table in DOMAIN.md, in its order.
// It is read-only and versioned; users duplicate it to change it (template-io.ts). Changing an
// item's meaning here means a new `version`, because answers and findings of past audits refer
// to items by id and the report prints the template version they were made with.
//
// Applicability is by device type only, so that a user's copy can express everything this one
// does. Items that concern devices in a particular lifecycle state (D3 for decommissioning,
// M1 for devices leaving, D6 for spares) still apply to every type that can be in that state;
// the rules (shared/rules) then suggest "not applicable" with a reason for devices not in that
// state, which the inspector confirms with one key. That keeps the list of steps stable while
// the device's status is being corrected during the walk.

export const SECURE_ROOM_TEMPLATE_ID = 'builtin-secure-room';
export const SECURE_ROOM_TEMPLATE_VERSION = 1;
export const SECURE_ROOM_NAME: LocalizedText = { en: 'Secure room', zh: '涉密机房' };

/** Every type that has firmware, a network presence or power: all but loose media. */
const EQUIPMENT: readonly DeviceType[] = DEVICE_TYPES.filter((t) => t !== 'loose_media');
/** Empty `appliesTo` means every device type (CheckItemSchema). */
const EVERY_TYPE: readonly DeviceType[] = [];
/** Hosts that run a general-purpose OS where a platform can be "set up and left" (D5). */
const PLATFORM_HOSTS: readonly DeviceType[] = ['server', 'virtualization_host', 'nvr_vms'];

type ItemSpec = Omit<CheckItem, 'appliesTo'> & { appliesTo: readonly DeviceType[] };

const ITEMS: readonly ItemSpec[] = [
  // P1-P5 are about the room itself (doors, cabinets, cabling, the equipment log): checked once.
  {
    id: 'P1',
    text: {
      en: 'Entry controlled; access list current; visitor log complete',
      zh: '出入受控；授权进入人员名单为最新；来访登记完整',
    },
    severity: 'medium',
    basis: 'NIST 800-53 PE-2/3/8; ISO 27001 A.7.2',
    scope: 'room',
    appliesTo: [],
  },
  {
    id: 'P2',
    text: {
      en: 'Racks and cabinets locked; keys/codes accounted for',
      zh: '机柜和存储柜均已上锁；钥匙和密码的去向清楚',
    },
    severity: 'medium',
    basis: 'PE-3; A.7.8',
    scope: 'room',
    appliesTo: [],
  },
  {
    id: 'P3',
    text: {
      en: 'No unauthorised devices (personal phones, wireless dongles, unknown boxes)',
      zh: '无未经授权的设备（个人手机、无线网卡或上网卡、来历不明的设备）',
    },
    severity: 'high',
    basis: 'CM-8(3)',
    scope: 'room',
    appliesTo: [],
  },
  {
    id: 'P4',
    text: {
      en: 'Every equipment entry/removal since the last audit is authorised and logged',
      zh: '自上次检查以来，每次设备进出机房均经审批并登记',
    },
    severity: 'medium',
    basis: 'PE-16',
    scope: 'room',
    appliesTo: [],
  },
  {
    id: 'P5',
    text: {
      en: 'Cables labelled; no unknown patch leads; patch panel matches port map',
      zh: '线缆均有标签；无来历不明的跳线；配线架与端口对照表一致',
    },
    severity: 'low',
    basis: 'A.7.12; CIS 12.4',
    scope: 'room',
    appliesTo: [],
  },
  // I1 is a sweep for what is NOT in the inventory, so it cannot hang off an inventoried device.
  {
    id: 'I1',
    text: {
      en: 'Every powered or connected device in the room is in the inventory',
      zh: '机房内所有通电或联网的设备均已登记在台账中',
    },
    severity: 'high',
    basis: 'CM-8, CM-8(3); CIS 1.1/1.2',
    scope: 'room',
    appliesTo: [],
  },
  // I2-I4 are answered per inventoried device (is it here, do its records match, has it an
  // owner), which is also how reconciliation marks a device "not found". I2's base severity is
  // Medium; effectiveSeverity raises it to High for a data-bearing device.
  {
    id: 'I2',
    text: {
      en: 'Every inventoried device assigned to the room is present (missing data-bearing item = High)',
      zh: '台账中登记在本机房的设备均在位（缺失存有数据的设备为高风险）',
    },
    severity: 'medium',
    basis: 'CM-8; PE-16',
    scope: 'device',
    appliesTo: EVERY_TYPE,
  },
  {
    id: 'I3',
    text: {
      en: 'Tag, serial, model and rack position match the records',
      zh: '资产标签、序列号、型号和机柜位置与记录一致',
    },
    severity: 'low',
    basis: 'CM-8',
    scope: 'device',
    appliesTo: EVERY_TYPE,
  },
  {
    id: 'I4',
    text: {
      en: 'A named owner exists and is still assigned',
      zh: '有明确的责任人，且该责任人仍在岗负责',
    },
    severity: 'medium',
    basis: 'CM-8(4)',
    scope: 'device',
    appliesTo: EVERY_TYPE,
  },
  // D1-D4 concern anything that can be powered or connected; loose media cannot.
  {
    id: 'D1',
    text: {
      en: 'No idle or decommissioned device is powered AND network-connected',
      zh: '闲置或已退役的设备不得同时处于通电和联网状态',
    },
    severity: 'high',
    basis: 'CM-7, CM-8',
    scope: 'device',
    appliesTo: EQUIPMENT,
  },
  {
    id: 'D2',
    text: {
      en: 'A device idle longer than the policy period has a decision (re-owned, or disconnected and decommissioning)',
      zh: '闲置超过规定期限的设备已有处置决定（重新指定责任人，或断网并进入退役流程）',
    },
    severity: 'medium',
    basis: 'CM-8',
    scope: 'device',
    appliesTo: EQUIPMENT,
  },
  {
    id: 'D3',
    text: {
      en: 'Devices in decommissioning are unplugged and their switch port disabled',
      zh: '退役中的设备已拔除网线，对应的交换机端口已关闭',
    },
    severity: 'high',
    basis: 'CM-7; SC-41',
    scope: 'device',
    appliesTo: EQUIPMENT,
  },
  {
    id: 'D4',
    text: {
      en: "A decommissioned device's accounts, certificates, firewall rules and IP/DNS entries are removed",
      zh: '已退役设备的账号、证书、防火墙规则及 IP/DNS 记录均已清除',
    },
    severity: 'medium',
    basis: 'AC-2; CM-8(1)',
    scope: 'device',
    appliesTo: EQUIPMENT,
  },
  // D5: the MSS case of a video platform server left for years. Such platforms (video
  // management, network management, jump hosts) run on general-purpose hosts.
  {
    id: 'D5',
    text: {
      en: 'Platforms that were set up and left (video management, network management, jump hosts) have an administrator and a recent patch record',
      zh: '建成后无人维护的平台（视频管理、网络管理、跳板机）有明确的管理员和近期的补丁记录',
    },
    severity: 'high',
    basis: 'SI-2',
    scope: 'device',
    appliesTo: PLATFORM_HOSTS,
  },
  // D6 applies to any kit, loose drives included, that sits in the room as a spare or retired.
  {
    id: 'D6',
    text: {
      en: 'Spare or retired kit stored locked and labelled with status and sanitization state',
      zh: '备用或退役设备上锁存放，并标明其状态和数据清除情况',
    },
    severity: 'medium',
    basis: 'A.7.10',
    scope: 'device',
    appliesTo: EVERY_TYPE,
  },
  // N1: ports of switching gear; routers and firewalls carry switch ports as well.
  {
    id: 'N1',
    text: {
      en: 'Unused switch ports administratively disabled or in a dead VLAN',
      zh: '未使用的交换机端口已关闭或划入隔离 VLAN',
    },
    severity: 'medium',
    basis: 'CM-7',
    scope: 'device',
    appliesTo: ['switch', 'router', 'firewall'],
  },
  // N2: host ports a person can plug media into: computers, KVM consoles, and MFPs with
  // scan-to-USB / print-from-USB.
  {
    id: 'N2',
    text: {
      en: 'Unused host ports (USB etc.) disabled or blocked per policy',
      zh: '未使用的主机端口（USB 等）已按规定禁用或封堵',
    },
    severity: 'medium',
    basis: 'SC-41',
    scope: 'device',
    appliesTo: [
      'server',
      'virtualization_host',
      'storage',
      'nvr_vms',
      'workstation',
      'console_kvm',
      'printer_mfp',
    ],
  },
  // N3 is a sweep: a 4G modem or a rogue AP is by nature not in the inventory. A dual-homed
  // NVR, the commonest inventoried bridge, is checked per device by V1.
  {
    id: 'N3',
    text: {
      en: 'No external or wireless bridge (4G/5G modem, Wi-Fi AP, dual-homed host)',
      zh: '无外联或无线桥接（4G/5G 上网设备、Wi-Fi 热点、双网卡跨网主机）',
    },
    severity: 'high',
    basis: 'SC-7; AC-18',
    scope: 'room',
    appliesTo: [],
  },
  // N4: devices with out-of-band management: hosts with BMCs (servers, virtualization hosts,
  // storage heads, NVR/VMS servers), console servers and KVM-over-IP themselves, and network and
  // security appliances with management ports.
  {
    id: 'N4',
    text: {
      en: 'Remote management (BMC/iLO/iDRAC/IPMI, KVM-over-IP, console servers) disabled or isolated with changed credentials',
      zh: '远程管理接口（BMC/iLO/iDRAC/IPMI、网络 KVM、控制台服务器）已关闭，或已隔离且已修改默认口令',
    },
    severity: 'high',
    basis: 'CM-7; IA-5',
    scope: 'device',
    appliesTo: [
      'server',
      'virtualization_host',
      'storage',
      'nvr_vms',
      'console_kvm',
      'switch',
      'router',
      'firewall',
      'wireless',
      'vpn_crypto',
    ],
  },
  {
    id: 'N5',
    text: {
      en: 'Insecure or unneeded services off (Telnet, HTTP management, UPnP, P2P, SNMP v1/v2 default communities)',
      zh: '不安全或不需要的服务已关闭（Telnet、HTTP 管理、UPnP、P2P、使用默认团体名的 SNMP v1/v2）',
    },
    severity: 'medium',
    basis: 'CM-7; CIS 4.8',
    scope: 'device',
    appliesTo: EQUIPMENT,
  },
  {
    id: 'C1',
    text: {
      en: 'No factory-default credentials on any device, ONVIF and SNMP included',
      zh: '所有设备均未使用出厂默认口令（包括 ONVIF 和 SNMP）',
    },
    severity: 'high',
    basis: 'IA-5(e); CIS 4.7; ETSI EN 303 645 5.1',
    scope: 'device',
    appliesTo: EQUIPMENT,
  },
  // C2 is checked on the systems that hold other devices' credentials (NVR/VMS; NMS and jump
  // hosts on servers and VMs; console servers) and on cameras, whose passwords such systems
  // hold and which must be changed when that system is retired (the MSS case).
  {
    id: 'C2',
    text: {
      en: "Systems that store other devices' credentials (NVR/VMS, NMS) are listed and restricted; those credentials are rotated when the system is retired",
      zh: '存有其他设备口令的系统（NVR/VMS、网管系统）已登记并限制访问；该系统退役时已更换其所存口令',
    },
    severity: 'high',
    basis: 'IA-5(g)',
    scope: 'device',
    appliesTo: ['nvr_vms', 'ip_camera', 'server', 'virtualization_host', 'console_kvm'],
  },
  // C3 concerns shared accounts and the people who know them: an organisational check.
  {
    id: 'C3',
    text: {
      en: 'Shared passwords changed after membership changes',
      zh: '人员变动后已更换共用口令',
    },
    severity: 'medium',
    basis: 'IA-5(i)',
    scope: 'room',
    appliesTo: [],
  },
  // F1's base severity is Medium; effectiveSeverity raises it to High for network and security
  // devices (NETWORK_SECURITY_TYPES).
  {
    id: 'F1',
    text: {
      en: 'OS/firmware within vendor support (not end-of-life)',
      zh: '操作系统/固件在厂商支持期内（未停止支持）',
    },
    severity: 'medium',
    basis: 'CIS 12.1; EN 303 645 5.3',
    scope: 'device',
    appliesTo: EQUIPMENT,
  },
  {
    id: 'F2',
    text: {
      en: 'Security updates applied within the policy period; offline update media verified',
      zh: '安全更新在规定期限内完成；离线升级介质已经校验',
    },
    severity: 'medium',
    basis: 'SI-2(c)',
    scope: 'device',
    appliesTo: EQUIPMENT,
  },
  {
    id: 'F3',
    text: {
      en: 'Firmware version and date recorded; changes since last audit explained',
      zh: '已记录固件版本和日期；自上次检查以来的变更有合理说明',
    },
    severity: 'low',
    basis: 'SI-2; CM-8',
    scope: 'device',
    appliesTo: EQUIPMENT,
  },
  {
    id: 'V1',
    text: {
      en: 'Camera network isolated from the protected network; NVR not dual-homed',
      zh: '视频监控网络与涉密网络隔离；NVR 未同时接入两个网络',
    },
    severity: 'high',
    basis: 'SC-7',
    scope: 'device',
    appliesTo: ['ip_camera', 'nvr_vms'],
  },
  {
    id: 'V2',
    text: {
      en: 'Camera field of view excludes classified screens and keyboards',
      zh: '摄像机视野内没有涉密屏幕和键盘',
    },
    severity: 'medium',
    basis: 'practice',
    scope: 'device',
    appliesTo: ['ip_camera'],
  },
  // M1 and M2: anything can leave the room or be re-used, and nearly everything keeps data
  // somewhere (disks, flash, SD cards, configuration); the rules judge by status.
  {
    id: 'M1',
    text: {
      en: 'Every device leaving the room or being re-used has a sanitization record (clear/purge/destroy, verified)',
      zh: '每台离开机房或再利用的设备都有数据清除记录（清除/净化/销毁，且经核验）',
    },
    severity: 'high',
    basis: 'MP-6; A.7.14; NIST 800-88',
    scope: 'device',
    appliesTo: EVERY_TYPE,
  },
  {
    id: 'M2',
    text: {
      en: 'Sanitization strength matches classification (destroy where required)',
      zh: '数据清除强度与密级相符（按规定须销毁的已销毁）',
    },
    severity: 'high',
    basis: 'MP-6(b)',
    scope: 'device',
    appliesTo: EVERY_TYPE,
  },
  {
    id: 'M3',
    text: {
      en: 'Loose drives and removable media counted, labelled, stored in an approved container',
      zh: '散放的硬盘和移动存储介质已清点、贴标签，并存放在经批准的保密柜中',
    },
    severity: 'high',
    basis: 'MP-2/4; A.7.10',
    scope: 'device',
    appliesTo: ['loose_media'],
  },
  // M4: devices whose storage is easy to overlook: MFP disks, camera SD cards, the flash of
  // network and security devices (configurations, keys), access-control panels (card
  // databases). Computers and storage arrays have obvious disks, recorded under media.
  {
    id: 'M4',
    text: {
      en: 'Embedded storage identified (printers/MFPs, camera SD cards, network-device flash)',
      zh: '已查明内置存储（打印机/多功能一体机、摄像机 SD 卡、网络设备闪存）',
    },
    severity: 'medium',
    basis: 'MP-6',
    scope: 'device',
    appliesTo: [
      'printer_mfp',
      'ip_camera',
      'switch',
      'router',
      'firewall',
      'wireless',
      'vpn_crypto',
      'console_kvm',
      'access_control',
    ],
  },
  // L1 and L2 are about the audit programme of the room, not about a device.
  {
    id: 'L1',
    text: {
      en: "The previous audit's open findings are verified closed or escalated",
      zh: '上次检查遗留的问题已核实整改关闭或已上报',
    },
    severity: 'medium',
    basis: 'audit practice',
    scope: 'room',
    appliesTo: [],
  },
  {
    id: 'L2',
    text: {
      en: 'Staff trained for periodic checks; training record kept',
      zh: '人员已接受定期检查培训，并保留培训记录',
    },
    severity: 'low',
    basis: 'AT-2/3',
    scope: 'room',
    appliesTo: [],
  },
];

/** A fixed moment, so the built-in template serialises identically on every machine. */
const RELEASED_AT = '2026-01-01T00:00:00.000Z';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Read-only: duplicate it (template-io.ts) to edit. */
export const SECURE_ROOM_TEMPLATE: Template = deepFreeze({
  id: SECURE_ROOM_TEMPLATE_ID,
  name: SECURE_ROOM_NAME.en,
  version: SECURE_ROOM_TEMPLATE_VERSION,
  builtIn: true,
  basedOn: null,
  items: ITEMS.map((item) => ({ ...item, text: { ...item.text }, appliesTo: [...item.appliesTo] })),
  createdAt: RELEASED_AT,
  updatedAt: RELEASED_AT,
});

/** Every built-in template, for the template list and for resolving an audit's templateId. */
export const BUILTIN_TEMPLATES: readonly Template[] = [SECURE_ROOM_TEMPLATE];
