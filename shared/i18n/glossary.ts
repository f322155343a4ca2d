import type { Bilingual } from './lang.ts';

// The terms Roomcheck uses for its own concepts, chosen once. Every catalog (renderer,
// report, import, verification, labels, errors) says them this way; a test reads each catalog
// and fails on a variant listed in `avoid`, or on a label whose English is a term's English
// but whose Chinese differs.

export type Term = Bilingual & {
  /** Chinese words that mean the same thing here and must not appear in a catalog. */
  readonly avoid: readonly string[];
  /** False for a concept word that also heads labels of other meanings ("Audit": 检查名称). */
  readonly label?: false;
};

export const GLOSSARY = {
  /** One periodic inspection of rooms: 检查, never 审计 (an audit by a third party). */
  audit: { en: 'Audit', zh: '检查', avoid: ['审计'], label: false },
  inspector: { en: 'Inspector', zh: '检查人', avoid: ['检查员'] },
  assetTag: { en: 'Asset tag', zh: '资产编号', avoid: ['资产标签', '资产编码'] },
  firmwareVersion: {
    en: 'Firmware / OS version',
    zh: '固件/操作系统版本',
    avoid: ['固件/系统版本'],
  },
  serial: { en: 'Serial number', zh: '序列号', avoid: [] },
  rack: { en: 'Rack', zh: '机柜', avoid: ['机架'] },
} as const satisfies Record<string, Term>;

export type TermId = keyof typeof GLOSSARY;
