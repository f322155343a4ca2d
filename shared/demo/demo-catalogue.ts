import type { Classification, DeviceType, Severity, FindingStatus } from '../domain/enums.ts';
import type { Device, LocalizedText } from '../domain/schemas.ts';

// The fixed cast of the demo audit: rooms, racks and the devices and findings that tell the
// story of DOMAIN.md (the idle server still on the network, the camera platform holding every
// camera's password, default camera logins, switches past end of support, loose drives...).
// demo-audit.ts adds generated filler devices and findings around them for larger audits.

export type RoomKey = 'a' | 'b' | 'c' | 's';

export type RoomSpec = {
  key: RoomKey;
  name: string;
  building: string;
  floor: string;
  classification: Classification;
  auditIntervalDays: number;
  notes: string;
};

export const DEMO_ROOMS: readonly RoomSpec[] = [
  {
    key: 'a',
    name: '主机房 A / Main computer room A',
    building: '2号楼 / Building 2',
    floor: '3F',
    classification: 'secret',
    auditIntervalDays: 180,
    notes:
      'Raised floor, two entry doors with card readers and a visitor book. 双人进入，刷卡并登记。',
  },
  {
    key: 'b',
    name: '网络间 B / Network room B',
    building: '2号楼 / Building 2',
    floor: '3F',
    classification: 'confidential',
    auditIntervalDays: 180,
    notes: 'Core and access switching for floors 1–6. 楼层汇聚与接入交换设备。',
  },
  {
    key: 'c',
    name: '安防监控室 / Security monitoring room',
    building: '1号楼 / Building 1',
    floor: '1F',
    classification: 'internal',
    auditIntervalDays: 365,
    notes: 'Video wall, camera platform and access-control server. 视频监控平台与门禁服务器。',
  },
  {
    key: 's',
    name: '备件库 / Spares store',
    building: '2号楼 / Building 2',
    floor: 'B1',
    classification: 'confidential',
    auditIntervalDays: 365,
    notes: 'Steel cabinets for spares and media awaiting sanitization. 备件及待清除介质存放。',
  },
];

export type RackSpec = { key: string; room: RoomKey; name: string; heightU: number; notes: string };

export const DEMO_RACKS: readonly RackSpec[] = [
  { key: 'a01', room: 'a', name: 'A-01', heightU: 42, notes: 'Core servers 核心服务器' },
  { key: 'a02', room: 'a', name: 'A-02', heightU: 42, notes: 'Storage 存储' },
  { key: 'a03', room: 'a', name: 'A-03', heightU: 42, notes: 'Legacy systems 旧系统' },
  { key: 'a04', room: 'a', name: 'A-04', heightU: 42, notes: '' },
  { key: 'b01', room: 'b', name: 'B-01', heightU: 42, notes: 'Core switching 核心交换' },
  { key: 'b02', room: 'b', name: 'B-02', heightU: 42, notes: 'Access switching 接入交换' },
  { key: 'c01', room: 'c', name: 'C-01', heightU: 24, notes: 'Video platform 视频平台' },
];

/** People named in the demo: owners, inspectors, approver (names as a Chinese unit writes them). */
export const DEMO_PEOPLE = {
  inspector: { name: '王建国 Wang Jianguo', role: { en: 'Security officer', zh: '保密员' } },
  inspector2: { name: '刘洋 Liu Yang', role: { en: 'Network engineer', zh: '网络工程师' } },
  approver: {
    name: '陈静 Chen Jing',
    role: { en: 'Head of Information Centre', zh: '信息中心主任' },
  },
  owners: [
    '张伟 Zhang Wei (网络组 Network team)',
    '李娜 Li Na (系统组 Systems team)',
    '赵磊 Zhao Lei (安防科 Security section)',
    '孙丽 Sun Li (综合办 General office)',
    '周强 Zhou Qiang (信息中心 Information Centre)',
  ],
} as const;

export const DEMO_ORGANISATION = {
  organisation: '示例市数据管理局 Demo Municipal Data Bureau',
  unit: '信息中心 Information Centre',
  site: '行政中心园区 / Civic Centre campus',
  /** Audit record v2: what the demo audit is for and for whom (ISO 19011). */
  auditClient: '示例市保密委员会办公室 Demo City Secrecy Committee Office',
  auditees: ['信息中心 Information Centre', '安防科 Security section'],
  objectives: {
    en: 'Confirm that the secure rooms meet the secure room checklist; follow up the findings of the 2025 audit; confirm that idle and decommissioned equipment holds no secret data.',
    zh: '确认涉密机房符合涉密机房检查表要求；跟踪 2025 年度检查发现问题的整改情况；确认闲置及待报废设备中不存留涉密数据。',
  },
  timeZone: 'Asia/Shanghai',
  distribution: [
    '陈静 Chen Jing (信息中心主任 Head of Information Centre)',
    '示例市保密委员会办公室 Demo City Secrecy Committee Office',
    '档案室 Records office',
  ],
};

type DeviceOverrides = Partial<Omit<Device, 'id' | 'siteId' | 'roomId' | 'rackId'>>;

export type DeviceSpec = {
  key: string;
  room: RoomKey;
  rack: string | null;
  /** How the prior audit saw it: absent = same as now; 'new' = not in the prior audit. */
  prior?: 'new' | { status?: Device['status']; room?: RoomKey; rack?: string | null };
  reconciliation?: { state: 'not_found' | 'unexpected' | 'wrong_location'; note: string };
  fields: DeviceOverrides & Pick<Device, 'type' | 'name' | 'assetTag' | 'manufacturer' | 'model'>;
};

const tri = { yes: 'yes', no: 'no', unknown: 'unknown' } as const;

export const SCENARIO_DEVICES: readonly DeviceSpec[] = [
  {
    key: 'oa-old',
    room: 'a',
    rack: 'a03',
    prior: { status: 'active' },
    fields: {
      type: 'server',
      name: '旧OA服务器 / Old OA server',
      assetTag: 'RC-SRV-0117',
      serial: 'CN7016SB2K',
      manufacturer: 'Dell',
      model: 'PowerEdge R720',
      hostname: 'oa-legacy-01',
      ips: ['10.20.3.17'],
      owner: '李娜 Li Na (系统组 Systems team)',
      department: '综合办 General office',
      status: 'idle',
      idleSince: '2024-03-31',
      firmwareVersion: 'BIOS 2.9.0 / Windows Server 2012 R2',
      firmwareDate: '2019-11-12',
      endOfSupport: '2023-10-10',
      power: 'on',
      network: {
        state: 'connected',
        switchName: 'SW-B02-ACC1',
        switchPort: 'Gi1/0/17',
        portEnabled: tri.yes,
      },
      managementInterfaces: [
        {
          kind: 'idrac',
          address: '10.20.250.17',
          enabled: tri.yes,
          isolated: tri.no,
          credentialsChanged: tri.no,
        },
      ],
      media: [
        { count: 4, kind: 'hdd', serials: ['WCC4N0KX1', 'WCC4N0KX2', 'WCC4N0KX7', 'WCC4N0KY3'] },
      ],
      classification: 'confidential',
      heightU: 2,
      notes:
        'Replaced by the new OA cloud platform in March 2024 but never switched off. 2024年3月新OA上线后停用，但一直通电联网。',
    },
  },
  {
    key: 'mail-gw',
    room: 'a',
    rack: 'a03',
    prior: { status: 'active' },
    fields: {
      type: 'server',
      name: '原邮件网关 / Former mail gateway',
      assetTag: 'RC-SRV-0121',
      serial: 'CZJ62904LM',
      manufacturer: 'HPE',
      model: 'ProLiant DL360 Gen9',
      hostname: 'mailgw-02',
      ips: ['10.20.3.21', '10.20.9.21'],
      owner: '周强 Zhou Qiang (信息中心 Information Centre)',
      department: '信息中心 Information Centre',
      status: 'decommissioning',
      idleSince: '2025-09-30',
      firmwareVersion: 'iLO 4 2.55 / CentOS 7.6',
      firmwareDate: '2020-06-02',
      endOfSupport: '2024-06-30',
      power: 'on',
      network: {
        state: 'connected',
        switchName: 'SW-B02-ACC1',
        switchPort: 'Gi1/0/21',
        portEnabled: tri.yes,
      },
      managementInterfaces: [
        {
          kind: 'ilo',
          address: '10.20.250.21',
          enabled: tri.yes,
          isolated: tri.yes,
          credentialsChanged: tri.yes,
        },
      ],
      media: [{ count: 2, kind: 'ssd', serials: ['S3F5NX0K1', 'S3F5NX0K2'] }],
      classification: 'confidential',
      heightU: 1,
      notes:
        'Decommissioning ticket IT-2025-311 opened; cables still in place. 退役工单已开，但网线未拔。',
    },
  },
  {
    key: 'vms',
    room: 'c',
    rack: 'c01',
    fields: {
      type: 'nvr_vms',
      name: '视频监控管理平台服务器（2016年由集成商安装，2019年后无人维护）/ Video management platform server (installed by the integrator in 2016, unmaintained since 2019)',
      assetTag: 'RC-NVR-0003',
      serial: 'DS96128NI-I16-0120160815CCRR',
      manufacturer: 'Hikvision',
      model: 'DS-96128NI-I16',
      hostname: 'vms-platform',
      ips: ['192.168.10.5', '10.20.5.8'],
      owner: '',
      department: '安防科 Security section',
      status: 'active',
      firmwareVersion: 'V3.4.92 build 170518',
      firmwareDate: '2017-05-18',
      endOfSupport: '2022-12-31',
      credentials: {
        defaultChanged: tri.yes,
        unique: tri.no,
        lastRotated: '2019-04-02',
        storesOtherCredentials: true,
      },
      power: 'on',
      network: {
        state: 'connected',
        switchName: 'SW-C01-CAM',
        switchPort: 'Gi0/1',
        portEnabled: tri.yes,
      },
      managementInterfaces: [
        {
          kind: 'web_admin',
          address: 'http://192.168.10.5',
          enabled: tri.yes,
          isolated: tri.no,
          credentialsChanged: tri.yes,
        },
      ],
      media: [{ count: 16, kind: 'hdd', serials: [] }],
      classification: 'internal',
      heightU: 4,
      notes:
        'Holds the admin passwords of all 46 cameras in its device list. 平台内保存了全部46台摄像机的管理员口令；第二块网卡接入办公网。',
    },
  },
  ...(
    [
      '走廊东 / Corridor east',
      '机房A门口 / Room A entrance',
      '网络间B / Network room B',
      '监控室 / Monitoring room',
    ] as const
  ).map((where, i): DeviceSpec => ({
    key: `cam-${i + 1}`,
    room: i === 2 ? 'b' : i === 3 ? 'c' : 'a',
    rack: null,
    fields: {
      type: 'ip_camera',
      name: `摄像机 CAM-${String(i + 1).padStart(2, '0')} ${where}`,
      assetTag: `RC-CAM-00${i + 11}`,
      serial: `E7194362${i + 1}`,
      manufacturer: 'Hikvision',
      model: 'DS-2CD2345-I',
      hostname: '',
      ips: [`192.168.10.${64 + i}`],
      owner: '赵磊 Zhao Lei (安防科 Security section)',
      department: '安防科 Security section',
      status: 'active',
      firmwareVersion: 'V5.4.5 build 170124',
      firmwareDate: '2017-01-24',
      endOfSupport: '2023-01-01',
      credentials: {
        defaultChanged: i < 3 ? tri.no : tri.yes,
        unique: tri.no,
        lastRotated: null,
        storesOtherCredentials: false,
      },
      power: 'on',
      network: {
        state: 'connected',
        switchName: 'SW-C01-CAM',
        switchPort: `Fa0/${i + 3}`,
        portEnabled: tri.yes,
      },
      media: [{ count: 1, kind: 'sd_card', serials: [] }],
      classification: 'internal',
      notes:
        i === 0 ? 'Label on the housing still shows admin / 12345. 机身标签仍为出厂口令。' : '',
    },
  })),
  {
    key: 'core-sw',
    room: 'b',
    rack: 'b01',
    fields: {
      type: 'switch',
      name: '核心交换机 1 / Core switch 1',
      assetTag: 'RC-NET-0001',
      serial: 'FDO1712R0XZ',
      manufacturer: 'Cisco',
      model: 'Catalyst WS-C3750X-48T-S',
      hostname: 'core-sw-1',
      ips: ['10.20.254.1'],
      owner: '张伟 Zhang Wei (网络组 Network team)',
      department: '信息中心 Information Centre',
      status: 'active',
      firmwareVersion: 'IOS 15.2(4)E10',
      firmwareDate: '2020-03-31',
      endOfSupport: '2021-10-31',
      power: 'on',
      network: { state: 'connected', switchName: '', switchPort: '', portEnabled: tri.unknown },
      managementInterfaces: [
        {
          kind: 'console_server',
          address: 'CS-B01 port 1',
          enabled: tri.yes,
          isolated: tri.yes,
          credentialsChanged: tri.yes,
        },
      ],
      classification: 'confidential',
      heightU: 1,
      notes: 'Vendor end of support 31 Oct 2021. 厂商已于2021年10月停止支持。',
    },
  },
  {
    key: 'acc-sw',
    room: 'b',
    rack: 'b02',
    fields: {
      type: 'switch',
      name: '接入交换机 ACC1 / Access switch ACC1',
      assetTag: 'RC-NET-0014',
      serial: '2102350DLS10F3000147',
      manufacturer: 'Huawei',
      model: 'S5700-28C-EI',
      hostname: 'SW-B02-ACC1',
      ips: ['10.20.254.14'],
      owner: '张伟 Zhang Wei (网络组 Network team)',
      department: '信息中心 Information Centre',
      status: 'active',
      firmwareVersion: 'V200R005C00SPC500',
      firmwareDate: '2016-08-19',
      endOfSupport: '2022-06-30',
      power: 'on',
      network: {
        state: 'connected',
        switchName: 'core-sw-1',
        switchPort: 'Te1/1/1',
        portEnabled: tri.yes,
      },
      managementInterfaces: [
        {
          kind: 'web_admin',
          address: 'http://10.20.254.14',
          enabled: tri.yes,
          isolated: tri.no,
          credentialsChanged: tri.yes,
        },
      ],
      classification: 'confidential',
      heightU: 1,
      notes: '11 of 28 ports unused but enabled. 28个端口中11个未用但未关闭。',
    },
  },
  {
    key: 'fw',
    room: 'b',
    rack: 'b01',
    fields: {
      type: 'firewall',
      name: '边界防火墙 / Boundary firewall',
      assetTag: 'RC-NET-0005',
      serial: '210235A1UEH178000021',
      manufacturer: 'Huawei',
      model: 'USG6550',
      hostname: 'fw-edge-1',
      ips: ['10.20.254.5'],
      owner: '张伟 Zhang Wei (网络组 Network team)',
      department: '信息中心 Information Centre',
      status: 'active',
      firmwareVersion: 'V500R005C20SPC300',
      firmwareDate: '2024-05-14',
      endOfSupport: '2028-12-31',
      power: 'on',
      network: {
        state: 'connected',
        switchName: 'core-sw-1',
        switchPort: 'Gi1/0/1',
        portEnabled: tri.yes,
      },
      classification: 'confidential',
      heightU: 1,
      notes: 'Firmware differs from the version recorded last audit; no change ticket found.',
    },
  },
  {
    key: 'cs',
    room: 'b',
    rack: 'b01',
    fields: {
      type: 'console_kvm',
      name: '控制台服务器 CS-B01 / Console server CS-B01',
      assetTag: 'RC-NET-0007',
      serial: '2316-4781',
      manufacturer: 'Opengear',
      model: 'CM7116-2',
      hostname: 'cs-b01',
      ips: ['10.20.250.2'],
      owner: '张伟 Zhang Wei (网络组 Network team)',
      department: '信息中心 Information Centre',
      status: 'active',
      firmwareVersion: '4.12.1',
      firmwareDate: '2024-11-02',
      endOfSupport: '2029-06-30',
      power: 'on',
      network: {
        state: 'connected',
        switchName: 'SW-B02-MGMT',
        switchPort: 'Gi0/2',
        portEnabled: tri.yes,
      },
      managementInterfaces: [
        {
          kind: 'console_server',
          address: '10.20.250.2',
          enabled: tri.yes,
          isolated: tri.yes,
          credentialsChanged: tri.yes,
        },
      ],
      classification: 'confidential',
      heightU: 1,
    },
  },
  {
    key: 'ups',
    room: 'a',
    rack: 'a04',
    fields: {
      type: 'pdu_ups_sensor',
      name: 'UPS 网卡 / UPS network card',
      assetTag: 'RC-PWR-0002',
      serial: 'ZA1838012345',
      manufacturer: 'APC',
      model: 'AP9631 in Smart-UPS SRT 6000',
      hostname: 'ups-a04',
      ips: ['10.20.250.40'],
      owner: '孙丽 Sun Li (综合办 General office)',
      department: '综合办 General office',
      status: 'active',
      firmwareVersion: 'AOS 6.4.6',
      firmwareDate: '2017-02-10',
      endOfSupport: '2026-12-31',
      power: 'on',
      network: {
        state: 'connected',
        switchName: 'SW-B02-MGMT',
        switchPort: 'Gi0/9',
        portEnabled: tri.yes,
      },
      managementInterfaces: [
        {
          kind: 'web_admin',
          address: 'telnet://10.20.250.40',
          enabled: tri.yes,
          isolated: tri.yes,
          credentialsChanged: tri.unknown,
        },
      ],
      classification: 'internal',
      heightU: 3,
      notes:
        'Telnet and SNMP v1 with community "public" answer. Telnet 与 SNMP v1 默认团体名仍开启。',
    },
  },
  {
    key: 'mfp',
    room: 'a',
    rack: null,
    fields: {
      type: 'printer_mfp',
      name: '涉密打印复印一体机 / Classified MFP',
      assetTag: 'RC-PRN-0004',
      serial: 'XBN05932',
      manufacturer: 'Canon',
      model: 'imageRUNNER ADVANCE 4545',
      hostname: '',
      ips: [],
      owner: '孙丽 Sun Li (综合办 General office)',
      department: '综合办 General office',
      status: 'active',
      firmwareVersion: '',
      power: 'on',
      network: { state: 'disconnected', switchName: '', switchPort: '', portEnabled: tri.unknown },
      media: [{ count: 1, kind: 'hdd', serials: [] }],
      classification: 'secret',
      notes: 'Internal hard disk not in the media register. 内置硬盘未登记。',
    },
  },
  {
    key: 'lte',
    room: 'b',
    rack: 'b02',
    prior: 'new',
    reconciliation: {
      state: 'unexpected',
      note: 'Small 4G router with SIM behind the patch panel, powered from a USB port. 配线架后发现带SIM卡的4G路由器。',
    },
    fields: {
      type: 'router',
      name: '不明4G路由器 / Unknown 4G router',
      assetTag: '',
      serial: 'unknown',
      manufacturer: 'Huawei',
      model: 'B311 (4G CPE)',
      hostname: '',
      ips: [],
      owner: '',
      department: '',
      status: 'active',
      power: 'on',
      network: {
        state: 'connected',
        switchName: 'SW-B02-ACC1',
        switchPort: 'Gi1/0/24',
        portEnabled: tri.yes,
      },
      classification: 'unclassified',
      notes: 'Removed on the spot and handed to the security office. 已当场拆除并移交保卫处。',
    },
  },
  {
    key: 'laptop',
    room: 'a',
    rack: null,
    reconciliation: {
      state: 'not_found',
      note: 'Not in the room or the spares store; owner on leave. 机房及备件库均未找到，责任人休假中。',
    },
    fields: {
      type: 'workstation',
      name: '运维笔记本 / Maintenance laptop',
      assetTag: 'RC-WKS-0031',
      serial: 'PF1ZK8QW',
      manufacturer: 'Lenovo',
      model: 'ThinkPad T14 Gen 2',
      hostname: 'ops-nb-03',
      ips: [],
      owner: '周强 Zhou Qiang (信息中心 Information Centre)',
      department: '信息中心 Information Centre',
      status: 'missing',
      power: 'unknown',
      network: { state: 'unknown', switchName: '', switchPort: '', portEnabled: tri.unknown },
      media: [{ count: 1, kind: 'nvme', serials: ['S4EUNX0R8'] }],
      classification: 'secret',
    },
  },
  {
    key: 'nas-moved',
    room: 'b',
    rack: 'b02',
    prior: { room: 'a', rack: 'a02' },
    reconciliation: {
      state: 'wrong_location',
      note: 'Registered in rack A-02, found in rack B-02. 登记在A-02机柜，实际在B-02机柜。',
    },
    fields: {
      type: 'storage',
      name: '备份存储 NAS-2 / Backup storage NAS-2',
      assetTag: 'RC-STO-0009',
      serial: '1980PCN432101',
      manufacturer: 'Synology',
      model: 'RS3618xs',
      hostname: 'nas-2',
      ips: ['10.20.4.9'],
      owner: '李娜 Li Na (系统组 Systems team)',
      department: '信息中心 Information Centre',
      status: 'active',
      firmwareVersion: 'DSM 7.1.1-42962',
      firmwareDate: '2023-05-03',
      endOfSupport: '2028-12-31',
      power: 'on',
      network: {
        state: 'connected',
        switchName: 'SW-B02-ACC1',
        switchPort: 'Gi1/0/5',
        portEnabled: tri.yes,
      },
      media: [{ count: 12, kind: 'hdd', serials: [] }],
      classification: 'confidential',
      heightU: 2,
    },
  },
  {
    key: 'hdds',
    room: 's',
    rack: null,
    fields: {
      type: 'loose_media',
      name: '柜内散放硬盘（6块）/ Loose hard disks in cabinet S-2 (6)',
      assetTag: 'RC-MED-0102',
      serial: '',
      manufacturer: 'Seagate / WD',
      model: 'Mixed 3.5" SATA',
      hostname: '',
      ips: [],
      owner: '周强 Zhou Qiang (信息中心 Information Centre)',
      department: '信息中心 Information Centre',
      status: 'awaiting_sanitization',
      power: 'off',
      network: { state: 'disconnected', switchName: '', switchPort: '', portEnabled: tri.unknown },
      media: [
        {
          count: 6,
          kind: 'hdd',
          serials: ['ZA2K1M3Q', 'ZA2K1M5T', 'WCC7K3LLN', 'WCC7K3PZE', 'ZA2K0X1B', 'WCC7K4AAR'],
        },
      ],
      classification: 'secret',
      notes:
        'Unlabelled, in an unlocked cabinet; pulled from servers replaced in 2025. 无标签，存放于未上锁柜内。',
    },
  },
  {
    key: 'fs-disposed',
    room: 's',
    rack: null,
    prior: { status: 'decommissioning', room: 'a', rack: 'a03' },
    fields: {
      type: 'server',
      name: '退役文件服务器 / Retired file server',
      assetTag: 'RC-SRV-0098',
      serial: 'CN70163H9P',
      manufacturer: 'Dell',
      model: 'PowerEdge R530',
      hostname: 'fs-01',
      ips: [],
      owner: '李娜 Li Na (系统组 Systems team)',
      department: '信息中心 Information Centre',
      status: 'disposed',
      power: 'off',
      network: { state: 'disconnected', switchName: '', switchPort: '', portEnabled: tri.no },
      media: [{ count: 4, kind: 'hdd', serials: ['Z1Z8K2LM', 'Z1Z8K2LP', 'Z1Z8K31A', 'Z1Z8K31C'] }],
      classification: 'secret',
      heightU: 2,
      sanitization: {
        method: 'destroy',
        tool: 'Degausser + shredder (ADS-2000, 物理粉碎)',
        verifiedBy: '周强 Zhou Qiang',
        witness: '王建国 Wang Jianguo',
        date: '2026-03-18',
        certificateId: 'XH-2026-0318-07',
        destination: '定点销毁单位 Licensed destruction centre',
      },
      notes: 'Chassis kept as an empty spare; drives destroyed. 机箱留作空备件，硬盘已粉碎。',
    },
  },
  {
    key: 'nas-old',
    room: 's',
    rack: null,
    prior: { status: 'awaiting_sanitization' },
    fields: {
      type: 'storage',
      name: '旧备份 NAS-1 / Old backup NAS-1',
      assetTag: 'RC-STO-0004',
      serial: '1470LWN000312',
      manufacturer: 'Synology',
      model: 'RS2414+',
      hostname: '',
      ips: [],
      owner: '李娜 Li Na (系统组 Systems team)',
      department: '信息中心 Information Centre',
      status: 'sanitized',
      power: 'off',
      network: { state: 'disconnected', switchName: '', switchPort: '', portEnabled: tri.no },
      media: [{ count: 8, kind: 'hdd', serials: [] }],
      classification: 'secret',
      heightU: 2,
      sanitization: {
        method: 'purge',
        tool: 'ATA Secure Erase (hdparm 9.65)',
        verifiedBy: '李娜 Li Na',
        witness: '刘洋 Liu Yang',
        date: '2026-01-22',
        certificateId: 'QC-2026-0122-02',
        destination: '备件库 S-1 柜 / Spares store cabinet S-1',
      },
      notes: 'Processed SECRET backups; purged, not destroyed. 曾存机密级备份，仅做净化处理。',
    },
  },
  {
    key: 'crypto',
    room: 'a',
    rack: 'a01',
    fields: {
      type: 'vpn_crypto',
      name: '网络密码机 / Network encryptor',
      assetTag: 'RC-NET-0011',
      serial: 'SJW-2020-01173',
      manufacturer: 'Westone',
      model: 'SJJ1212',
      hostname: '',
      ips: ['10.20.254.11'],
      owner: '张伟 Zhang Wei (网络组 Network team)',
      department: '信息中心 Information Centre',
      status: 'active',
      firmwareVersion: '3.2.7',
      firmwareDate: '2025-04-01',
      endOfSupport: '2030-12-31',
      power: 'on',
      network: {
        state: 'connected',
        switchName: 'core-sw-1',
        switchPort: 'Gi1/0/2',
        portEnabled: tri.yes,
      },
      classification: 'secret',
      heightU: 1,
    },
  },
  {
    key: 'door',
    room: 'a',
    rack: null,
    fields: {
      type: 'access_control',
      name: '门禁控制器 A 门 / Door controller, room A',
      assetTag: 'RC-ACS-0002',
      serial: 'AJ3V204117',
      manufacturer: 'ZKTeco',
      model: 'inBio 260',
      hostname: '',
      ips: ['192.168.20.12'],
      owner: '赵磊 Zhao Lei (安防科 Security section)',
      department: '安防科 Security section',
      status: 'active',
      firmwareVersion: 'AC Ver 5.7.8.3033',
      firmwareDate: '2022-09-15',
      endOfSupport: '2027-12-31',
      power: 'on',
      network: {
        state: 'connected',
        switchName: 'SW-C01-CAM',
        switchPort: 'Fa0/12',
        portEnabled: tri.yes,
      },
      classification: 'internal',
    },
  },
];

/** A device the prior audit recorded that is gone now (the comparison's "missing"). */
export const PRIOR_ONLY_DEVICE: DeviceSpec = {
  key: 'tape',
  room: 'a',
  rack: 'a02',
  fields: {
    type: 'storage',
    name: '磁带库 / Tape library',
    assetTag: 'RC-STO-0002',
    serial: 'HU1231N7KX',
    manufacturer: 'HPE',
    model: 'StoreEver MSL2024',
    hostname: 'tape-01',
    ips: ['10.20.4.2'],
    owner: '李娜 Li Na (系统组 Systems team)',
    department: '信息中心 Information Centre',
    status: 'active',
    power: 'on',
    network: {
      state: 'connected',
      switchName: 'SW-B02-ACC1',
      switchPort: 'Gi1/0/6',
      portEnabled: tri.yes,
    },
    media: [{ count: 24, kind: 'tape', serials: [] }],
    classification: 'secret',
    heightU: 2,
  },
};

type Bilingual = LocalizedText;

export type FindingSpec = {
  key: string;
  room: RoomKey;
  device: string | null;
  itemId: string | null;
  severity: Severity;
  title: Bilingual;
  detail: Bilingual;
  remediation: Bilingual;
  owner: number;
  /** Days from the audit date; negative means already past due. */
  dueInDays: number | null;
  status: FindingStatus;
  statusReason?: Bilingual;
  /** Seen already in the prior audit: recurring, its first-seen audit is the prior one. */
  recurring?: boolean;
  severityChange?: { from: Severity; reason: Bilingual };
  /** Index of the demo photo that shows it. */
  photo?: number;
};

export const SCENARIO_FINDINGS: readonly FindingSpec[] = [
  {
    key: 'idle-connected',
    room: 'a',
    device: 'oa-old',
    itemId: 'D1',
    severity: 'high',
    title: {
      en: 'Idle OA server still powered and connected to the internal network',
      zh: '闲置的旧OA服务器仍通电并接入内网',
    },
    detail: {
      en: 'RC-SRV-0117 has been idle since 31 March 2024 but answers on 10.20.3.17, switch port Gi1/0/17 is up, and it runs Windows Server 2012 R2, out of support since October 2023. This is the pattern of the 2024 springboard case: an unattended, unpatched host on the inside network.',
      zh: 'RC-SRV-0117 自2024年3月31日起闲置，但仍在10.20.3.17上响应，交换机端口Gi1/0/17处于启用状态，操作系统为2023年10月已停止支持的Windows Server 2012 R2。这与2024年通报的“跳板”案例情形一致：无人值守、未打补丁的主机仍留在内网。',
    },
    remediation: {
      en: 'Shut the server down, unplug it and disable switch port Gi1/0/17 today; open a decommissioning ticket and record the drives for sanitization.',
      zh: '当日关机、拔除网线并关闭交换机端口Gi1/0/17；发起退役流程，登记硬盘待数据清除。',
    },
    owner: 1,
    dueInDays: 7,
    status: 'open',
    photo: 0,
  },
  {
    key: 'decom-cabled',
    room: 'a',
    device: 'mail-gw',
    itemId: 'D3',
    severity: 'high',
    title: {
      en: 'Server being decommissioned is still cabled and its switch port enabled',
      zh: '退役中的服务器仍连接网线，交换机端口未关闭',
    },
    detail: {
      en: 'The former mail gateway is in decommissioning (ticket IT-2025-311) but both NICs are cabled and the host answers on two VLANs.',
      zh: '原邮件网关已进入退役流程（工单IT-2025-311），但两块网卡仍接网线，在两个VLAN上均可访问。',
    },
    remediation: {
      en: 'Unplug both NICs, disable ports Gi1/0/21 and Gi1/0/22, remove its DNS and firewall entries (D4).',
      zh: '拔除两块网卡的网线，关闭端口Gi1/0/21和Gi1/0/22，删除其DNS及防火墙策略（D4）。',
    },
    owner: 4,
    dueInDays: 3,
    status: 'in_remediation',
  },
  {
    key: 'idrac',
    room: 'a',
    device: 'oa-old',
    itemId: 'N4',
    severity: 'high',
    title: {
      en: 'iDRAC of the idle OA server reachable from the office network with the default password',
      zh: '旧OA服务器的iDRAC可从办公网访问且使用默认口令',
    },
    detail: {
      en: 'The iDRAC at 10.20.250.17 is on the shared management VLAN and accepted root / calvin.',
      zh: '10.20.250.17 上的 iDRAC 位于共用管理VLAN，root/calvin 默认口令可登录。',
    },
    remediation: {
      en: 'Disable the iDRAC NIC with the server; until then change the password and move it to the isolated management VLAN.',
      zh: '随服务器一并关闭iDRAC网口；在此之前修改口令并迁入隔离的管理VLAN。',
    },
    owner: 1,
    dueInDays: 14,
    status: 'open',
  },
  {
    key: 'vms-abandoned',
    room: 'c',
    device: 'vms',
    itemId: 'D5',
    severity: 'high',
    title: {
      en: 'Camera platform has no administrator and no patch since 2017',
      zh: '视频监控平台无管理员，自2017年起未打补丁',
    },
    detail: {
      en: 'Installed by the integrator in 2016; the contract ended in 2019 and nobody has logged in since except to export video. Firmware V3.4.92 (May 2017).',
      zh: '平台由集成商于2016年安装，2019年合同到期后除导出录像外无人登录维护。固件版本V3.4.92（2017年5月）。',
    },
    remediation: {
      en: 'Name an administrator in the security section, apply the vendor’s last firmware, and decide whether to replace the platform.',
      zh: '在安防科指定平台管理员，升级至厂商最终版本固件，并评估是否更换平台。',
    },
    owner: 2,
    dueInDays: -12,
    status: 'open',
    recurring: true,
  },
  {
    key: 'vms-creds',
    room: 'c',
    device: 'vms',
    itemId: 'C2',
    severity: 'high',
    title: {
      en: 'Camera platform stores the passwords of 46 cameras, not rotated since 2019',
      zh: '视频平台保存46台摄像机口令，自2019年未更换',
    },
    detail: {
      en: 'Anyone who gets into the platform gets every camera’s admin login. The platform is dual-homed (see V1), so that path starts on the office network.',
      zh: '一旦平台被攻破，所有摄像机的管理员口令随之泄露。平台为双网卡（见V1），攻击路径可从办公网开始。',
    },
    remediation: {
      en: 'Rotate every camera password to a unique value, restrict platform logins to two named administrators, record the list of stored credentials.',
      zh: '将全部摄像机口令改为各不相同的新口令，平台登录限定为两名指定管理员，并登记平台保存的口令清单。',
    },
    owner: 2,
    dueInDays: -40,
    status: 'open',
    recurring: true,
  },
  {
    key: 'cam1-default',
    room: 'a',
    device: 'cam-1',
    itemId: 'C1',
    severity: 'high',
    title: {
      en: 'Camera CAM-01 still uses its factory login admin / 12345',
      zh: '摄像机CAM-01仍使用出厂口令 admin/12345',
    },
    detail: {
      en: 'Web login and ONVIF both accept the factory credentials printed on the label (photo). Cameras CAM-02 and CAM-03 behave the same.',
      zh: 'Web登录和ONVIF均接受标签上印的出厂口令（见照片）。CAM-02、CAM-03情况相同。',
    },
    remediation: {
      en: 'Set unique passwords on every camera, ONVIF users included, and cover the label.',
      zh: '为每台摄像机（含ONVIF用户）设置不同口令，并遮盖机身口令标签。',
    },
    owner: 2,
    dueInDays: -5,
    status: 'open',
    recurring: true,
    photo: 1,
  },
  {
    key: 'cam2-default',
    room: 'a',
    device: 'cam-2',
    itemId: 'C1',
    severity: 'high',
    title: { en: 'Camera CAM-02 still uses its factory login', zh: '摄像机CAM-02仍使用出厂口令' },
    detail: { en: 'Same firmware and login as CAM-01.', zh: '固件与口令同CAM-01。' },
    remediation: { en: 'As for CAM-01.', zh: '同CAM-01。' },
    owner: 2,
    dueInDays: 10,
    status: 'in_remediation',
  },
  {
    key: 'nvr-dual',
    room: 'c',
    device: 'vms',
    itemId: 'V1',
    severity: 'high',
    title: {
      en: 'Camera platform is dual-homed on the camera network and the office network',
      zh: '视频平台同时接入摄像机网络和办公网（双网卡）',
    },
    detail: {
      en: 'Second NIC 10.20.5.8 is on the office VLAN for remote viewing.',
      zh: '第二块网卡10.20.5.8接入办公VLAN，用于远程查看。',
    },
    remediation: {
      en: 'Remove the office-network NIC; provide viewing through the video wall only.',
      zh: '拆除办公网网卡，仅通过监控大屏查看。',
    },
    owner: 2,
    dueInDays: 21,
    status: 'in_remediation',
  },
  {
    key: 'core-eos',
    room: 'b',
    device: 'core-sw',
    itemId: 'F1',
    severity: 'high',
    title: {
      en: 'Core switch past vendor end of support (October 2021)',
      zh: '核心交换机已超出厂商支持期（2021年10月）',
    },
    detail: {
      en: 'Catalyst 3750-X, IOS 15.2(4)E10; no security fixes since 2021.',
      zh: 'Catalyst 3750-X，IOS 15.2(4)E10，2021年后无安全补丁。',
    },
    remediation: {
      en: 'Replace in the 2027 budget; meanwhile management only from the console server.',
      zh: '纳入2027年预算更换；在此之前仅允许经控制台服务器管理。',
    },
    owner: 0,
    dueInDays: 400,
    status: 'risk_accepted',
    statusReason: {
      en: 'Accepted by the Head of Information Centre until the 2027 replacement; management plane reachable only from the console server.',
      zh: '经信息中心主任批准接受风险至2027年更换；管理面仅可经控制台服务器访问。',
    },
    recurring: true,
  },
  {
    key: 'acc-eos',
    room: 'b',
    device: 'acc-sw',
    itemId: 'F1',
    severity: 'high',
    title: {
      en: 'Access switch ACC1 past vendor end of support (June 2022)',
      zh: '接入交换机ACC1已超出厂商支持期（2022年6月）',
    },
    detail: {
      en: 'S5700-28C-EI, V200R005; two published vulnerabilities affect its web management.',
      zh: 'S5700-28C-EI，V200R005；其Web管理存在两个已公开漏洞。',
    },
    remediation: {
      en: 'Replace with a supported model; turn off HTTP management now.',
      zh: '更换为在保型号；立即关闭HTTP管理。',
    },
    owner: 0,
    dueInDays: 90,
    status: 'open',
  },
  {
    key: 'loose-hdd',
    room: 's',
    device: 'hdds',
    itemId: 'M3',
    severity: 'high',
    title: {
      en: 'Six unlabelled hard disks from SECRET servers in an unlocked cabinet',
      zh: '6块来自机密级服务器的硬盘无标签存放于未上锁柜内',
    },
    detail: {
      en: 'Cabinet S-2 was unlocked; the drives are not in the media register and carry no sanitization state.',
      zh: 'S-2柜未上锁；硬盘未列入介质登记，无数据清除状态标识。',
    },
    remediation: {
      en: 'Register and label the drives, lock them in the approved safe, schedule destruction.',
      zh: '登记并标识硬盘，存入合格保密柜，安排销毁。',
    },
    owner: 4,
    dueInDays: 5,
    status: 'open',
  },
  {
    key: 'lte-router',
    room: 'b',
    device: 'lte',
    itemId: 'N3',
    severity: 'high',
    title: {
      en: 'Unauthorised 4G router connected behind the patch panel',
      zh: '配线架后发现私接的4G路由器',
    },
    detail: {
      en: 'A 4G CPE with an active SIM was patched into Gi1/0/24 of ACC1: a direct bridge from the internal network to the Internet.',
      zh: '一台插有有效SIM卡的4G路由器接入ACC1的Gi1/0/24端口，形成内网直通互联网的通道。',
    },
    remediation: {
      en: 'Removed on the spot; investigate who installed it and review the switch logs.',
      zh: '已当场拆除；追查安装人员并审查交换机日志。',
    },
    owner: 0,
    dueInDays: 0,
    status: 'closed',
    statusReason: {
      en: 'Removed during the audit and handed to the security office (receipt BW-0412).',
      zh: '检查中当场拆除并移交保卫处（回执BW-0412）。',
    },
  },
  {
    key: 'laptop-missing',
    room: 'a',
    device: 'laptop',
    itemId: 'I2',
    severity: 'high',
    title: {
      en: 'Maintenance laptop with a SECRET-rated drive not found',
      zh: '含机密级硬盘的运维笔记本未找到',
    },
    detail: {
      en: 'RC-WKS-0031 is registered to room A; not found there or in the spares store.',
      zh: 'RC-WKS-0031登记在主机房A，机房和备件库均未找到。',
    },
    remediation: {
      en: 'Locate the laptop with its owner; if not found in 3 days, report as a loss.',
      zh: '与责任人核实去向；3天内未找到按丢失上报。',
    },
    owner: 4,
    dueInDays: 3,
    status: 'open',
  },
  {
    key: 'nas-location',
    room: 'b',
    device: 'nas-moved',
    itemId: 'I3',
    severity: 'low',
    title: {
      en: 'Backup storage NAS-2 found in rack B-02, registered in A-02',
      zh: '备份存储NAS-2实际位于B-02机柜，登记为A-02',
    },
    detail: {
      en: 'Moved during the 2025 re-cabling; the register was not updated.',
      zh: '2025年重新布线时迁移，台账未更新。',
    },
    remediation: { en: 'Update the register.', zh: '更新设备台账。' },
    owner: 1,
    dueInDays: 30,
    status: 'open',
  },
  {
    key: 'ports',
    room: 'b',
    device: 'acc-sw',
    itemId: 'N1',
    severity: 'medium',
    title: {
      en: '11 unused switch ports left enabled on ACC1',
      zh: 'ACC1上11个未使用端口未关闭',
    },
    detail: {
      en: 'Ports Gi1/0/7–12 and Gi1/0/25–28 are up with no device; the 4G router used one of them.',
      zh: '端口Gi1/0/7–12及Gi1/0/25–28无设备但处于启用状态，4G路由器即接在其中之一。',
    },
    remediation: {
      en: 'Shut unused ports and move them to the dead VLAN 999.',
      zh: '关闭未用端口并划入隔离VLAN 999。',
    },
    owner: 0,
    dueInDays: 14,
    status: 'in_remediation',
  },
  {
    key: 'mfp-disk',
    room: 'a',
    device: 'mfp',
    itemId: 'M4',
    severity: 'medium',
    title: {
      en: 'Internal hard disk of the classified MFP not in the media register',
      zh: '涉密一体机内置硬盘未登记',
    },
    detail: {
      en: 'The imageRUNNER keeps scanned and printed jobs on its disk.',
      zh: '该一体机会在内置硬盘上留存扫描与打印作业。',
    },
    remediation: {
      en: 'Register the disk and enable the job-erase setting.',
      zh: '登记硬盘并开启作业数据自动擦除。',
    },
    owner: 3,
    dueInDays: 30,
    status: 'open',
  },
  {
    key: 'ups-snmp',
    room: 'a',
    device: 'ups',
    itemId: 'N5',
    severity: 'high',
    title: {
      en: 'UPS card answers Telnet and SNMP v1 with default communities',
      zh: 'UPS网卡开启Telnet及SNMP v1默认团体名',
    },
    detail: {
      en: 'Read community "public" and write community "private" both work; a write lets anyone switch the UPS outlets off.',
      zh: '读团体名public和写团体名private均有效；写权限可被用来关闭UPS输出。',
    },
    remediation: {
      en: 'Disable Telnet and SNMP v1; use SNMP v3 with unique credentials.',
      zh: '关闭Telnet和SNMP v1，改用设置独立凭据的SNMP v3。',
    },
    owner: 3,
    dueInDays: -3,
    status: 'open',
    severityChange: {
      from: 'medium',
      reason: {
        en: 'Write community also enabled: outlets can be switched off remotely.',
        zh: '写团体名同样有效，可远程关闭输出。',
      },
    },
  },
  {
    key: 'visitor-log',
    room: 'a',
    device: null,
    itemId: 'P1',
    severity: 'medium',
    title: {
      en: 'Visitor log missing entries for two contractor visits',
      zh: '来访登记缺少两次外包人员进入记录',
    },
    detail: {
      en: 'Card logs show two contractor entries on 12 and 19 May with no visitor book entry.',
      zh: '门禁记录显示5月12日和19日外包人员进入，但来访登记本无记录。',
    },
    remediation: {
      en: 'Remind the duty officers; reconcile card logs and the book monthly.',
      zh: '提醒值班人员；每月核对门禁记录与登记本。',
    },
    owner: 3,
    dueInDays: -20,
    status: 'closed',
    statusReason: {
      en: 'Entries reconstructed and countersigned; monthly reconciliation started.',
      zh: '已补登并会签，已开始每月核对。',
    },
  },
  {
    key: 'tape-removed',
    room: 'a',
    device: null,
    itemId: 'P4',
    severity: 'medium',
    title: {
      en: 'Tape library removed from rack A-02 without a removal record',
      zh: 'A-02机柜的磁带库被移出，无出库记录',
    },
    detail: {
      en: 'RC-STO-0002 was recorded last audit; neither the equipment log nor the sanitization register mentions it.',
      zh: 'RC-STO-0002在上次检查中有登记，但设备出入记录和数据清除登记中均无记载。',
    },
    remediation: {
      en: 'Find the library and its 24 tapes; record their sanitization or destruction.',
      zh: '查明磁带库及24盘磁带去向，补录清除或销毁记录。',
    },
    owner: 1,
    dueInDays: 10,
    status: 'open',
  },
  {
    key: 'nas-purge',
    room: 's',
    device: 'nas-old',
    itemId: 'M2',
    severity: 'high',
    title: {
      en: 'NAS that held SECRET backups was purged, not destroyed',
      zh: '曾存机密级备份的NAS仅做净化处理，未销毁',
    },
    detail: {
      en: 'Policy requires destruction of media that processed SECRET data; the drives were only secure-erased.',
      zh: '制度要求处理过机密级数据的介质须物理销毁，该设备硬盘仅做了安全擦除。',
    },
    remediation: {
      en: 'Send the eight drives for destruction and file the certificate.',
      zh: '将8块硬盘送定点单位销毁并存档销毁证明。',
    },
    owner: 4,
    dueInDays: 20,
    status: 'open',
  },
  {
    key: 'shared-root',
    room: 'a',
    device: 'crypto',
    itemId: 'C3',
    severity: 'medium',
    title: {
      en: 'Shared administrator password not changed after an administrator left',
      zh: '管理员离岗后共用管理口令未更换',
    },
    detail: {
      en: 'The encryptor’s admin password was last changed in 2024; one of three holders left in January.',
      zh: '密码机管理员口令最后一次修改于2024年，三名知悉人之一已于1月离岗。',
    },
    remediation: { en: 'Change it and record the holders.', zh: '修改口令并登记知悉人。' },
    owner: 0,
    dueInDays: 7,
    status: 'in_remediation',
  },
  {
    key: 'fw-firmware',
    room: 'b',
    device: 'fw',
    itemId: 'F3',
    severity: 'low',
    title: {
      en: 'Firewall firmware changed since the last audit without a change record',
      zh: '防火墙固件较上次检查有变更，无变更记录',
    },
    detail: {
      en: 'Now V500R005C20SPC300; last audit recorded SPC200.',
      zh: '当前为V500R005C20SPC300，上次记录为SPC200。',
    },
    remediation: { en: 'File the change record.', zh: '补录变更记录。' },
    owner: 0,
    dueInDays: 30,
    status: 'open',
  },
  {
    key: 'training',
    room: 'a',
    device: null,
    itemId: 'L2',
    severity: 'low',
    title: {
      en: 'No training record for the two newest duty officers',
      zh: '两名新任值班人员无培训记录',
    },
    detail: {
      en: 'Both started in 2026 and have not attended the periodic-check training.',
      zh: '二人均于2026年到岗，尚未参加定期检查培训。',
    },
    remediation: { en: 'Train them and file the record.', zh: '组织培训并存档记录。' },
    owner: 3,
    dueInDays: 60,
    status: 'risk_accepted',
    statusReason: {
      en: 'Accepted until the next scheduled course; both work only with a trained colleague.',
      zh: '接受至下次集中培训；期间二人须与已培训人员共同值班。',
    },
  },
  {
    key: 'leak',
    room: 'b',
    device: null,
    itemId: null,
    severity: 'low',
    title: {
      en: 'Air-conditioning condensate dripping near rack B-01',
      zh: 'B-01机柜附近空调冷凝水滴漏',
    },
    detail: {
      en: 'Raised by hand: not a checklist item, but water above the core switching rack threatens availability.',
      zh: '手工记录：不属于检查项，但核心交换机柜上方滴水影响可用性。',
    },
    remediation: { en: 'Repair the drain line.', zh: '维修冷凝水管。' },
    owner: 3,
    dueInDays: 14,
    status: 'open',
  },
];

/** Findings only the prior audit had, now resolved (the comparison's "resolved"). */
export const PRIOR_ONLY_FINDINGS: readonly FindingSpec[] = [
  {
    key: 'prior-labels',
    room: 'b',
    device: null,
    itemId: 'P5',
    severity: 'low',
    title: { en: 'Patch panel B-02 labels missing', zh: 'B-02配线架缺少标签' },
    detail: { en: 'Half of the patch leads unlabelled.', zh: '约一半跳线无标签。' },
    remediation: { en: 'Label and update the port map.', zh: '贴标签并更新端口对照表。' },
    owner: 0,
    dueInDays: -150,
    status: 'open',
  },
  {
    key: 'prior-oa-patch',
    room: 'a',
    device: 'oa-old',
    itemId: 'F2',
    severity: 'medium',
    title: { en: 'OA server security updates six months behind', zh: 'OA服务器安全补丁落后半年' },
    detail: { en: 'Last update applied in 2023.', zh: '最近一次补丁为2023年。' },
    remediation: { en: 'Apply the offline update set.', zh: '安装离线补丁包。' },
    owner: 1,
    dueInDays: -160,
    status: 'open',
  },
  {
    key: 'prior-spares',
    room: 's',
    device: 'nas-old',
    itemId: 'D6',
    severity: 'medium',
    title: { en: 'Retired NAS-1 stored without a status label', zh: '退役NAS-1存放时无状态标识' },
    detail: { en: 'No sanitization state on the unit.', zh: '设备上无数据清除状态。' },
    remediation: { en: 'Label it and sanitize.', zh: '贴标识并做数据清除。' },
    owner: 4,
    dueInDays: -120,
    status: 'in_remediation',
  },
];

/** Filler device types, weighted by how common they are in a computer room. */
export const FILLER_TYPES: readonly DeviceType[] = [
  ...Array<DeviceType>(8).fill('server'),
  ...Array<DeviceType>(4).fill('virtualization_host'),
  ...Array<DeviceType>(3).fill('storage'),
  ...Array<DeviceType>(3).fill('switch'),
  ...Array<DeviceType>(2).fill('workstation'),
  ...Array<DeviceType>(2).fill('pdu_ups_sensor'),
  ...Array<DeviceType>(2).fill('ip_camera'),
  'firewall',
  'router',
  'console_kvm',
  'printer_mfp',
];

/** Asset-tag prefixes as a register would use them (RC-SRV-0117, RC-CAM-0011...). */
export const ASSET_TAG_PREFIX: Readonly<Record<DeviceType, string>> = {
  server: 'SRV',
  virtualization_host: 'VHS',
  storage: 'STO',
  switch: 'NET',
  router: 'NET',
  firewall: 'NET',
  wireless: 'NET',
  vpn_crypto: 'NET',
  console_kvm: 'KVM',
  pdu_ups_sensor: 'PWR',
  ip_camera: 'CAM',
  nvr_vms: 'NVR',
  access_control: 'ACS',
  workstation: 'WKS',
  printer_mfp: 'PRN',
  loose_media: 'MED',
  other: 'OTH',
};

type ModelSpec = { manufacturer: string; model: string; firmware: string; heightU: number };

export const FILLER_MODELS: Readonly<Partial<Record<DeviceType, readonly ModelSpec[]>>> = {
  server: [
    { manufacturer: 'Dell', model: 'PowerEdge R740', firmware: 'BIOS 2.19.1', heightU: 2 },
    { manufacturer: 'HPE', model: 'ProLiant DL380 Gen10', firmware: 'U30 v2.90', heightU: 2 },
    { manufacturer: 'Huawei', model: 'FusionServer 2288H V5', firmware: 'iBMC 3.55', heightU: 2 },
    { manufacturer: 'Inspur', model: 'NF5280M6', firmware: 'BMC 4.21', heightU: 2 },
    { manufacturer: 'Lenovo', model: 'ThinkSystem SR650', firmware: 'XCC 9.80', heightU: 2 },
  ],
  virtualization_host: [
    { manufacturer: 'Dell', model: 'PowerEdge R750', firmware: 'ESXi 7.0 U3', heightU: 2 },
    { manufacturer: 'H3C', model: 'UniServer R4900 G5', firmware: 'CAS E0785', heightU: 2 },
  ],
  storage: [
    { manufacturer: 'Huawei', model: 'OceanStor 5310', firmware: 'V700R001C00', heightU: 2 },
    { manufacturer: 'Dell', model: 'PowerVault ME5024', firmware: 'ME5.1.1.0.5', heightU: 2 },
  ],
  switch: [
    { manufacturer: 'H3C', model: 'S5130S-52S-EI', firmware: 'Comware 7.1.070', heightU: 1 },
    { manufacturer: 'Huawei', model: 'S5735-L48T4S-A', firmware: 'V200R022C00', heightU: 1 },
    {
      manufacturer: 'Ruijie',
      model: 'RG-S2910-24GT4XS-E',
      firmware: 'RGOS 11.4(1)B70',
      heightU: 1,
    },
  ],
  workstation: [
    { manufacturer: 'Lenovo', model: '启天 M437', firmware: 'UOS 20', heightU: 1 },
    { manufacturer: 'Dell', model: 'OptiPlex 7090', firmware: 'Windows 10 LTSC', heightU: 1 },
  ],
  pdu_ups_sensor: [
    { manufacturer: 'APC', model: 'AP8853 rack PDU', firmware: 'v6.9.6', heightU: 1 },
    { manufacturer: 'Vertiv', model: 'Liebert IntelliSlot', firmware: '7.4.2', heightU: 1 },
  ],
  ip_camera: [{ manufacturer: 'Dahua', model: 'IPC-HFW2431T', firmware: 'V2.820.0', heightU: 1 }],
  firewall: [{ manufacturer: 'Hillstone', model: 'SG-6000-E3960', firmware: '5.5R9', heightU: 1 }],
  router: [{ manufacturer: 'Huawei', model: 'AR6140-16G4XG', firmware: 'V300R021C10', heightU: 1 }],
  console_kvm: [
    { manufacturer: 'Raritan', model: 'Dominion KX IV-101', firmware: '4.3.0', heightU: 1 },
  ],
  printer_mfp: [
    { manufacturer: 'HP', model: 'LaserJet Enterprise M507', firmware: '2509081', heightU: 1 },
  ],
};

export const FILLER_ROLES: Readonly<Partial<Record<DeviceType, readonly Bilingual[]>>> = {
  server: [
    { en: 'OA application server', zh: 'OA应用服务器' },
    { en: 'Finance database server', zh: '财务数据库服务器' },
    { en: 'Archive system server', zh: '档案系统服务器' },
    { en: 'Statistics reporting server', zh: '统计报送服务器' },
    { en: 'Domain controller', zh: '域控制器' },
  ],
  virtualization_host: [{ en: 'Virtualization host', zh: '虚拟化主机' }],
  storage: [{ en: 'Storage array', zh: '存储阵列' }],
  switch: [{ en: 'Access switch', zh: '接入交换机' }],
  workstation: [{ en: 'Operator workstation', zh: '运维终端' }],
  pdu_ups_sensor: [{ en: 'Rack PDU', zh: '机柜PDU' }],
  ip_camera: [{ en: 'Camera', zh: '摄像机' }],
  firewall: [{ en: 'Internal firewall', zh: '内部防火墙' }],
  router: [{ en: 'Branch router', zh: '分支路由器' }],
  console_kvm: [{ en: 'KVM over IP', zh: '网络KVM' }],
  printer_mfp: [{ en: 'Printer', zh: '打印机' }],
};

/** Generated findings: one title per check item that filler devices commonly fail. */
export const FILLER_FINDING_TITLES: Readonly<Record<string, Bilingual>> = {
  N1: { en: 'Unused ports enabled on {device}', zh: '{device}存在未关闭的空闲端口' },
  F2: {
    en: 'Security updates on {device} older than the policy period',
    zh: '{device}安全补丁超出规定周期未更新',
  },
  F3: { en: 'Firmware version of {device} not recorded', zh: '{device}固件版本未登记' },
  I3: {
    en: 'Asset tag or serial of {device} does not match the register',
    zh: '{device}资产标签或序列号与台账不符',
  },
  I4: { en: 'No current owner recorded for {device}', zh: '{device}无在岗责任人' },
  N5: {
    en: 'HTTP or Telnet management left enabled on {device}',
    zh: '{device}开启了HTTP或Telnet管理服务',
  },
  C1: { en: 'Factory-default password on {device}', zh: '{device}使用出厂默认口令' },
  N4: {
    en: 'Management controller of {device} reachable from the office network',
    zh: '{device}带外管理口可从办公网访问',
  },
  N2: { en: 'USB ports of {device} not blocked', zh: '{device}USB端口未封闭' },
  F1: { en: '{device} past vendor end of support', zh: '{device}已超出厂商支持期' },
  M4: { en: 'Embedded storage of {device} not recorded', zh: '{device}内置存储未登记' },
  V2: {
    en: 'Field of view of {device} covers a classified screen',
    zh: '{device}视野覆盖涉密终端屏幕',
  },
};
