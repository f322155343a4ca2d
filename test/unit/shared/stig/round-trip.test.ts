import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicableItems } from '../../../../shared/checklist/applicability.ts';
import { ImportError } from '../../../../shared/import/messages.ts';
import { stigSourceFromSnapshot } from '../../../../shared/stig/audit-source.ts';
import type { Checklist } from '../../../../shared/stig/checklist.ts';
import { cklText } from '../../../../shared/stig/ckl-write.ts';
import { cklbDocument, cklbText } from '../../../../shared/stig/cklb-write.ts';
import { externalStigResults } from '../../../../shared/stig/external-result.ts';
import { checklistsFromAudit } from '../../../../shared/stig/from-audit.ts';
import { readChecklistFile } from '../../../../shared/stig/read-checklist.ts';
import { answersFromChecklist } from '../../../../shared/stig/round-trip.ts';
import { demoSnapshot, STIG_FIXTURES } from './support.ts';

// Export -> import: every checklist Roomcheck writes, in either format, read back by the same
// reader that reads other tools' files, restores the audit's answers exactly: result, note and
// severity override, for every applicable item of every device and room.

const snapshot = demoSnapshot();
const source = stigSourceFromSnapshot(snapshot);
const { checklists } = checklistsFromAudit(source);
const enc = (text: string) => new TextEncoder().encode(text);

const FORMATS = {
  cklb: (c: Checklist) => enc(cklbText(c)),
  ckl: (c: Checklist) => enc(cklText(c, snapshot.app.version)),
};

/** What the audit says for a subject, item by item, as the round trip must restore it. */
function expectedAnswers(c: Checklist) {
  const device = snapshot.devices.find((d) => d.id === c.subject.deviceId) ?? null;
  return applicableItems(snapshot.template, device ?? 'room').map((item) => {
    const answer = snapshot.answers.find(
      (a) =>
        a.itemId === item.id &&
        (device ? a.deviceId === device.id : a.deviceId === null && a.roomId === c.subject.roomId),
    );
    return {
      ...c.subject,
      itemId: item.id,
      result: answer?.result ?? 'unchecked',
      note: answer?.note ?? '',
      override: c.stig.rules.find((r) => r.ruleVersion === item.id)!.override,
    };
  });
}

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return (err as ImportError).detail.code;
  }
  throw new Error('not refused');
}

describe('round trip: export, then import into the same audit', () => {
  for (const [format, write] of Object.entries(FORMATS)) {
    it(`restores every answer of every subject through .${format}`, () => {
      let overrides = 0;
      for (const c of checklists) {
        const read = readChecklistFile(write(c));
        const trip = answersFromChecklist(read, source);
        expect(trip.problems).toEqual([]);
        expect(trip.subject).toEqual(c.subject);
        expect(trip.answers).toEqual(expectedAnswers(c));
        overrides += trip.answers.filter((a) => a.override).length;
      }
      expect(overrides).toBe(1); // the demo's one re-rated finding
    });
  }

  it('brings back what was changed in STIG Viewer', () => {
    const ups = checklists.find((c) => c.subject.deviceId === 'demo-dev-ups')!;
    const doc = cklbDocument(ups);
    const rule = doc.stigs[0]!.rules[0]!;
    rule.status = 'not_applicable';
    rule.comments = 'Checked again on site: not fitted.';
    rule.overrides = { severity: { severity: 'low', reason: 'Isolated network.' } };
    const trip = answersFromChecklist(readChecklistFile(enc(JSON.stringify(doc))), source);
    expect(trip.answers[0]).toMatchObject({
      itemId: rule.rule_version,
      result: 'na',
      note: 'Checked again on site: not fitted.',
      override: { severity: 'low', reason: 'Isolated network.' },
    });
  });

  it('keeps any text exactly through .cklb, and all XML can carry through .ckl', () => {
    const base = checklists.find((c) => c.subject.deviceId !== null)!;
    // What XML 1.0 can carry at all: no C0 controls but tab, LF, CR; no U+FFFE/FFFF; no lone
    // surrogates (they become U+FFFD).
    const xmlCarries = (text: string) => {
      let out = '';
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
          const next = text.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) {
            out += text[i]! + text[i + 1]!;
            i++;
            continue;
          }
        }
        if (c >= 0xd800 && c <= 0xdfff) out += '\uFFFD';
        else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff)
          continue;
        else out += text[i];
      }
      return out;
    };
    const awkward = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom(
        '  leading spaces and a final newline\n',
        'CR LF\r\nlone CR\rend',
        ']]> <![CDATA[ x ]]>',
        '&amp; &#60; <script>alert(1)</script> "quotes" \'single\'',
        '=HYPERLINK("http://example.invalid","x")',
        '机房 A 的门禁记录不完整 😀\u00a0NBSP',
        '\t\u0007bell\u0000nul\uFFFEnon-char',
      ),
    );
    fc.assert(
      fc.property(awkward, awkward, (note, reason) => {
        const rules = base.stig.rules.map((r, i) =>
          i === 0 ? { ...r, comments: note, override: { severity: 'low' as const, reason } } : r,
        );
        const c = { ...base, stig: { ...base.stig, rules } };
        const viaCklb = answersFromChecklist(readChecklistFile(FORMATS.cklb(c)), source);
        expect(viaCklb.answers[0]!.note).toBe(note);
        expect(viaCklb.answers[0]!.override).toEqual({ severity: 'low', reason });
        const viaCkl = answersFromChecklist(readChecklistFile(FORMATS.ckl(c)), source);
        expect(viaCkl.answers[0]!.note).toBe(xmlCarries(note));
        expect(viaCkl.answers[0]!.override).toEqual({
          severity: 'low',
          reason: xmlCarries(reason),
        });
      }),
      { numRuns: 150 },
    );
  });

  it('summarises a Roomcheck checklist as an external STIG result with the same counts', () => {
    const c = checklists.find((x) => x.subject.deviceId === 'demo-dev-vms')!;
    const [result] = externalStigResults(readChecklistFile(FORMATS.ckl(c)), {
      fileName: `${c.title}.ckl`,
      sha256: 'b'.repeat(64),
      importedAt: '2026-03-02T08:00:00.000Z',
    });
    const statuses = c.stig.rules.map((r) => r.status);
    expect(result).toMatchObject({
      stigId: 'Roomcheck_builtin-secure-room',
      release: 'V1R1',
      benchmarkDate: '2026-01-01',
      tool: `Roomcheck ${snapshot.app.version}`,
      notAFinding: statuses.filter((s) => s === 'not_a_finding').length,
      notApplicable: statuses.filter((s) => s === 'not_applicable').length,
      notReviewed: statuses.filter((s) => s === 'not_reviewed').length,
    });
    const open = c.stig.rules.filter((r) => r.status === 'open');
    expect(result!.open.high + result!.open.medium + result!.open.low).toBe(open.length);
    expect(result!.open.high).toBe(
      open.filter((r) => (r.override?.severity ?? r.severity) === 'high').length,
    );
  });

  it('refuses checklists that did not come from this audit, saying why', () => {
    const c = checklists.find((x) => x.subject.deviceId === 'demo-dev-fw')!;
    const read = () => readChecklistFile(FORMATS.cklb(c));
    expect(
      refusal(() =>
        answersFromChecklist(read(), { ...source, audit: { ...source.audit, id: 'other' } }),
      ),
    ).toBe('checklist_other_audit');
    expect(
      refusal(() =>
        answersFromChecklist(read(), {
          ...source,
          devices: source.devices.filter((d) => d.id !== 'demo-dev-fw'),
        }),
      ),
    ).toBe('checklist_unknown_subject');
    const forged = cklbDocument(c);
    forged.stigs[0]!.uuid = '00000000-0000-5000-8000-000000000000';
    expect(
      refusal(() => answersFromChecklist(readChecklistFile(enc(JSON.stringify(forged))), source)),
    ).toBe('checklist_ids_mismatch');
    const otherTool = readChecklistFile(
      new Uint8Array(readFileSync(join(STIG_FIXTURES, 'stig-viewer-3.cklb'))),
    );
    expect(refusal(() => answersFromChecklist(otherTool, source))).toBe('checklist_not_roomcheck');
  });

  it('skips rules that name no applicable item or repeat one, and says so', () => {
    const c = checklists.find((x) => x.subject.deviceId === 'demo-dev-fw')!;
    const doc = cklbDocument(c);
    const rules = doc.stigs[0]!.rules;
    rules.push({ ...rules[0]!, comments: 'second copy' }, { ...rules[1]!, rule_version: 'ZZ9' });
    rules[2]!.comments = 'n'.repeat(10_001); // longer than an answer's note may be
    const trip = answersFromChecklist(readChecklistFile(enc(JSON.stringify(doc))), source);
    expect(trip.answers).toHaveLength(c.stig.rules.length);
    expect(trip.answers[0]!.note).not.toBe('second copy');
    expect(trip.answers[2]!.note).toHaveLength(10_000);
    expect(trip.problems.map((p) => p.code)).toEqual([
      'checklist_text_cut',
      'checklist_rule_repeated',
      'checklist_rule_not_applicable',
    ]);
  });
});
