import {
  Classification,
  DEVICE_TYPES,
  type DeviceType,
  LIFECYCLE_STATUSES,
  type LifecycleStatus,
  NetworkState,
  LastSeenSource,
  PowerState,
  TriState,
} from '../domain/enums.ts';
import { LABELS } from '../i18n/labels.ts';
import { type Bilingual } from '../i18n/lang.ts';
import { normalizeKey } from './fields.ts';

// How cell values name enum values: the stored value, its English and Chinese display names
// (shared/i18n/labels.ts, so a label shown in the app is always accepted back), and the words
// other tools and people use. Statuses include NetBox's values and Snipe-IT's default labels
// (DOMAIN.md). Device types also match by keyword, longest first, so a NetBox role "Core
// Switch" or 海康硬盘录像机 finds its type; two equally long keywords of different types make
// the value ambiguous, never a coin toss.

export type ValueReading<T extends string> =
  | { ok: true; value: T }
  | { ok: false; code: 'unknown_value' }
  | { ok: false; code: 'ambiguous_value'; candidates: T[] };

export type Vocabulary<T extends string> = {
  read(raw: string): ValueReading<T>;
  /** What to list when a value is unknown. */
  accepted: Bilingual;
};

type Synonyms<T extends string> = Partial<Record<T, readonly string[]>>;

function labelVariants(label: string): string[] {
  // "Offline / disconnected", "存储设备（SAN/NAS/磁带库）": the whole and each part.
  const parts = label.split(/[/／（）()]/).map((p) => p.trim());
  return [label, ...parts.filter((p) => p.length > 1)];
}

function exactTable<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, Bilingual>>,
  synonyms: Synonyms<T>,
): Map<string, T> {
  const table = new Map<string, T>();
  const add = (word: string, value: T) => {
    const key = normalizeKey(word);
    if (key && !table.has(key)) table.set(key, value);
  };
  // Stored values and synonyms first: a synonym is deliberate, a label fragment incidental.
  for (const value of values) add(value, value);
  for (const value of values) for (const word of synonyms[value] ?? []) add(word, value);
  for (const value of values) {
    for (const word of [...labelVariants(labels[value].en), ...labelVariants(labels[value].zh)]) {
      add(word, value);
    }
  }
  return table;
}

function accepted<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, Bilingual>>,
): Bilingual {
  return {
    en: values.join(', '),
    zh: values.map((v) => labels[v].zh).join('、'),
  };
}

/**
 * Remembers readings by raw text: a status column repeats a handful of values over thousands
 * of rows, and normalising each one again is most of the cost. Bounded, so a file of unique
 * junk cannot grow it without limit.
 */
function memoized<T extends string>(read: (raw: string) => ValueReading<T>) {
  const cache = new Map<string, ValueReading<T>>();
  return (raw: string): ValueReading<T> => {
    let r = cache.get(raw);
    if (r === undefined) {
      r = read(raw);
      if (cache.size < 1000) cache.set(raw, r);
    }
    return r;
  };
}

function exactVocabulary<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, Bilingual>>,
  synonyms: Synonyms<T>,
): Vocabulary<T> {
  const table = exactTable(values, labels, synonyms);
  return {
    read: memoized((raw) => {
      const value = table.get(normalizeKey(raw));
      return value ? { ok: true, value } : { ok: false, code: 'unknown_value' };
    }),
    accepted: accepted(values, labels),
  };
}

const STATUS_SYNONYMS: Synonyms<LifecycleStatus> = {
  planned: ['plan', 'pending', 'staged', 'ordered', '计划', '规划', '规划中', '待上线', '待部署'],
  active: [
    'in use',
    'inuse',
    'deployed',
    'production',
    'online',
    'operational',
    'running',
    '在用',
    '使用中',
    '运行',
    '运行中',
    '正常',
    '在线',
    '已部署',
  ],
  idle: ['unused', 'not in use', '闲置', '空闲', '闲置中', '未使用'],
  offline: [
    'disconnected',
    'inactive',
    'disabled',
    'out of service',
    '停用',
    '离线',
    '已停用',
    '下线',
  ],
  decommissioning: [
    'archived',
    'retired',
    'retiring',
    'to be retired',
    '待报废',
    '报废中',
    '退役',
    '待退役',
  ],
  awaiting_sanitization: ['awaiting wipe', 'to be wiped', '待清除', '待销毁', '待数据清除'],
  sanitized: ['wiped', 'erased', '已清除', '已擦除'],
  disposed: ['destroyed', 'scrapped', 'disposed of', '已报废', '报废', '已销毁', '已处置'],
  stored_spare: [
    'spare',
    'inventory',
    'in stock',
    'stock',
    'ready to deploy',
    'rtd',
    '备件',
    '备用',
    '库存',
    '在库',
  ],
  missing: ['lost', 'stolen', 'lost/stolen', 'not found', '丢失', '遗失', '缺失', '找不到'],
  failed: [
    'broken',
    'faulty',
    'undeployable',
    'un-deployable',
    'broken - not fixable',
    'out for repair',
    'out for diagnostics',
    'repair',
    '故障',
    '损坏',
    '维修',
    '维修中',
    '待维修',
  ],
};

export const STATUS_VOCABULARY = exactVocabulary(
  LIFECYCLE_STATUSES,
  LABELS.lifecycleStatus,
  STATUS_SYNONYMS,
);

const TYPE_SYNONYMS: Synonyms<DeviceType> = {
  server: ['server', 'servers', 'rack server', 'blade', '服务器', '刀片服务器'],
  virtualization_host: [
    'hypervisor',
    'esxi',
    'virtualization',
    'vm host',
    '虚拟化',
    '虚拟化服务器',
  ],
  storage: ['storage', 'san', 'nas', 'tape library', 'disk array', '存储', '磁盘阵列', '磁带库'],
  switch: ['switch', '交换机'],
  router: ['router', '路由器'],
  firewall: ['firewall', 'utm', 'ngfw', '防火墙'],
  wireless: [
    'access point',
    'ap',
    'wap',
    'wlc',
    'wireless',
    'wifi',
    '无线',
    '无线ap',
    '无线控制器',
  ],
  vpn_crypto: ['vpn', 'crypto', 'encryptor', '加密机', '密码机', '密码设备', 'vpn网关'],
  console_kvm: [
    'kvm',
    'console server',
    'terminal server',
    '串口服务器',
    '控制台服务器',
    'kvm切换器',
  ],
  pdu_ups_sensor: [
    'pdu',
    'ups',
    'sensor',
    'environmental sensor',
    '环境监控',
    '传感器',
    '温湿度',
    '配电',
  ],
  ip_camera: [
    'camera',
    'ip camera',
    'ipc',
    'cctv',
    '摄像机',
    '摄像头',
    '网络摄像机',
    '球机',
    '枪机',
  ],
  nvr_vms: [
    'nvr',
    'dvr',
    'vms',
    'video recorder',
    '录像机',
    '硬盘录像机',
    '网络硬盘录像机',
    '视频管理平台',
    '视频管理服务器',
  ],
  access_control: ['access control', 'door controller', '门禁', '门禁控制器'],
  workstation: [
    'workstation',
    'desktop',
    'pc',
    'laptop',
    'notebook',
    'thin client',
    'computer',
    '工作站',
    '台式机',
    '电脑',
    '计算机',
    '笔记本',
    '瘦客户机',
    '终端',
  ],
  printer_mfp: [
    'printer',
    'mfp',
    'scanner',
    'copier',
    'multifunction',
    '打印机',
    '复印机',
    '扫描仪',
    '一体机',
    '多功能一体机',
  ],
  loose_media: [
    'hdd',
    'ssd',
    'usb',
    'usb drive',
    'flash drive',
    'hard disk',
    'optical disc',
    '硬盘',
    '移动硬盘',
    'u盘',
    '光盘',
    '存储介质',
    '介质',
  ],
  other: ['other', 'misc', '其他', '其它'],
};

// Latin keywords match whole words (so "ap" is not found in "laptop"); CJK keywords match
// anywhere (Chinese has no spaces). Plural "switches"/"servers" match their singular.
type Keyword = { type: DeviceType; words: string[] | null; text: string; length: number };

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[a-z0-9]+/g) ?? []
  );
}

function singular(word: string): string {
  if (/(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

const TYPE_KEYWORDS: Keyword[] = DEVICE_TYPES.flatMap((type) =>
  (TYPE_SYNONYMS[type] ?? []).map((kw) => {
    const text = kw.toLowerCase().normalize('NFKC');
    return CJK.test(text)
      ? { type, words: null, text, length: text.length }
      : { type, words: words(text), text, length: text.length };
  }),
).sort((a, b) => b.length - a.length);

function containsWords(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      const w = haystack[i + j]!;
      if (w !== needle[j] && singular(w) !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}

const typeExact = exactTable(DEVICE_TYPES, LABELS.deviceType, TYPE_SYNONYMS);

export const DEVICE_TYPE_VOCABULARY: Vocabulary<DeviceType> = {
  read: memoized((raw) => {
    const exact = typeExact.get(normalizeKey(raw));
    if (exact) return { ok: true, value: exact };
    const text = raw.toLowerCase().normalize('NFKC');
    const tokens = words(text);
    let bestLength = 0;
    const found = new Set<DeviceType>();
    for (const kw of TYPE_KEYWORDS) {
      if (kw.length < bestLength) break;
      const hit = kw.words ? containsWords(tokens, kw.words) : text.includes(kw.text);
      if (hit) {
        bestLength = kw.length;
        found.add(kw.type);
      }
    }
    if (found.size === 1) return { ok: true, value: [...found][0]! };
    if (found.size > 1) return { ok: false, code: 'ambiguous_value', candidates: [...found] };
    return { ok: false, code: 'unknown_value' };
  }),
  accepted: accepted(DEVICE_TYPES, LABELS.deviceType),
};

export const TRI_STATE_VOCABULARY = exactVocabulary(TriState.options, LABELS.triState, {
  yes: [
    'y',
    'true',
    '1',
    'enabled',
    'on',
    '是',
    '已修改',
    '已更改',
    '已启用',
    '启用',
    '有',
    '√',
    '✓',
  ],
  no: [
    'n',
    'false',
    '0',
    'disabled',
    'off',
    '否',
    '未修改',
    '未更改',
    '已禁用',
    '禁用',
    '无',
    '×',
    '✗',
  ],
  unknown: ['?', 'n/a', 'na', '不详', '不确定', '不清楚'],
});

export const POWER_VOCABULARY = exactVocabulary(PowerState.options, LABELS.powerState, {
  on: ['powered on', 'power on', 'running', '开机', '加电', '通电', '上电'],
  off: ['powered off', 'power off', 'shut down', '关机', '断电', '未通电', '下电'],
  unknown: ['?', '不详'],
});

export const LAST_SEEN_SOURCE_VOCABULARY = exactVocabulary(
  LastSeenSource.options,
  LABELS.lastSeenSource,
  {
    login: ['login', 'logon', 'last logon', 'sign-in', '登录', '登录记录', '最后登录'],
    traffic: ['traffic', 'network', 'flow', 'netflow', '流量', '网络流量', '最后流量'],
    unknown: ['?', '不详'],
  },
);

export const NETWORK_STATE_VOCABULARY = exactVocabulary(NetworkState.options, LABELS.networkState, {
  connected: ['online', 'cabled', 'plugged', 'yes', '联网', '已连接', '在线', '接入', '已接入'],
  disconnected: ['offline', 'unplugged', 'not connected', 'no', '断网', '未连接', '离线', '未接入'],
  unknown: ['?', '不详'],
});

export const CLASSIFICATION_VOCABULARY = exactVocabulary(
  Classification.options,
  LABELS.classification,
  {
    unclassified: ['public', 'none', '公开', '无密级'],
    internal: ['restricted', '内部'],
    confidential: ['秘密'],
    secret: ['机密'],
    top_secret: ['top secret', '绝密'],
  },
);
