import { describe, expect, it } from 'vitest';
import {
  AnswerResult,
  AUDIT_STATUSES,
  CLASSIFICATIONS,
  DEVICE_TYPES,
  EVIDENCE_MIME_TYPES,
  FINDING_STATUSES,
  LIFECYCLE_STATUSES,
  MANAGEMENT_INTERFACE_KINDS,
  MEDIA_KINDS,
  LastSeenSource,
  NetworkState,
  PowerState,
  ReconciliationState,
  SanitizationMethod,
  SEVERITIES,
  TriState,
} from '../../../../shared/domain/enums.ts';
import { DEVICE_FIELDS } from '../../../../shared/domain/device-fields.ts';
import { SCHEDULE_STATUSES } from '../../../../shared/audit/schedule.ts';
import { LABELS, label, type LabelKind } from '../../../../shared/i18n/labels.ts';
import { LANGS } from '../../../../shared/i18n/lang.ts';

// The enum values come from enums.ts, not from LABELS, so a value added to an enum but not
// named (possible only if someone widens a table's type) still fails here.
const expected: Record<LabelKind, readonly string[]> = {
  deviceField: DEVICE_FIELDS.map((f) => f.id),
  deviceType: DEVICE_TYPES,
  lifecycleStatus: LIFECYCLE_STATUSES,
  triState: TriState.options,
  powerState: PowerState.options,
  networkState: NetworkState.options,
  lastSeenSource: LastSeenSource.options,
  managementInterfaceKind: MANAGEMENT_INTERFACE_KINDS,
  mediaKind: MEDIA_KINDS,
  sanitizationMethod: SanitizationMethod.options,
  severity: SEVERITIES,
  severityCat: SEVERITIES,
  severityMeaning: SEVERITIES,
  answerResult: AnswerResult.options,
  findingStatus: FINDING_STATUSES,
  auditStatus: AUDIT_STATUSES,
  reconciliationState: ReconciliationState.options,
  classification: CLASSIFICATIONS,
  evidenceMimeType: EVIDENCE_MIME_TYPES,
  itemScope: ['room', 'device'],
  scheduleStatus: SCHEDULE_STATUSES,
};

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

describe('LABELS', () => {
  for (const [kind, values] of Object.entries(expected) as [LabelKind, readonly string[]][]) {
    it(`${kind}: every value has a non-empty label in both languages and no extras`, () => {
      const table = LABELS[kind] as Record<string, { en: string; zh: string }>;
      expect(Object.keys(table).sort()).toEqual([...values].sort());
      for (const value of values) {
        for (const lang of LANGS) {
          expect(table[value]?.[lang]?.trim(), `${kind}.${value}.${lang}`).toBeTruthy();
        }
      }
    });

    it(`${kind}: labels are distinct within a language (a UI could not tell them apart)`, () => {
      const table = LABELS[kind] as Record<string, { en: string; zh: string }>;
      for (const lang of LANGS) {
        const names = values.map((v) => table[v]?.[lang]);
        expect(new Set(names).size, `${kind}.${lang}`).toBe(names.length);
      }
    });
  }

  it('Chinese labels are actually Chinese where the English is a plain word', () => {
    // Product names and DISA categories are written the same way in Chinese documents.
    const sameInBothLanguages = new Set(['iLO', 'iDRAC', 'IPMI', 'CAT I', 'CAT II', 'CAT III']);
    for (const table of Object.values(LABELS) as Record<string, { en: string; zh: string }>[]) {
      for (const { en, zh } of Object.values(table)) {
        if (zh === en && sameInBothLanguages.has(en)) continue;
        expect(hasHan(zh), `${en} -> ${zh}`).toBe(true);
      }
    }
  });

  it('severity meanings name the CAT category they map to', () => {
    expect(LABELS.severityMeaning.high.en).toContain('CAT I)');
    expect(LABELS.severityMeaning.medium.en).toContain('CAT II)');
    expect(LABELS.severityMeaning.low.en).toContain('CAT III)');
    expect(LABELS.severityCat.low.zh).toBe('CAT III');
  });
});

describe('label()', () => {
  it('returns the label in the requested language', () => {
    expect(label('lifecycleStatus', 'idle', 'zh')).toBe('闲置');
    expect(label('lifecycleStatus', 'idle', 'en')).toBe('Idle');
    expect(label('deviceType', 'switch', 'zh')).toBe('交换机');
    expect(label('classification', 'top_secret', 'zh')).toBe('绝密');
  });

  it('shows an unknown value raw instead of blank, and ignores prototype keys', () => {
    const unknown = 'retired_2030' as Parameters<typeof label<'lifecycleStatus'>>[1];
    expect(label('lifecycleStatus', unknown, 'en')).toBe('retired_2030');
    const proto = 'toString' as Parameters<typeof label<'severity'>>[1];
    expect(label('severity', proto, 'en')).toBe('toString');
  });
});
