import { describe, expect, it } from 'vitest';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import type { Template } from '../../../../shared/domain/schemas.ts';
import { stigSourceFromSnapshot } from '../../../../shared/stig/audit-source.ts';
import { cklText } from '../../../../shared/stig/ckl-write.ts';
import { cklbDocument, cklbText } from '../../../../shared/stig/cklb-write.ts';
import { externalStigResults } from '../../../../shared/stig/external-result.ts';
import { checklistsFromAudit, checklistTitle } from '../../../../shared/stig/from-audit.ts';
import { readChecklistFile } from '../../../../shared/stig/read-checklist.ts';
import { isUuid } from '../../../../shared/stig/uuid-v5.ts';
import {
  cklbValidator,
  cklStructureProblems,
  demoSnapshot,
  xmllintMissing,
  xmllintXsd,
} from './support.ts';

const snapshot = demoSnapshot();
const source = stigSourceFromSnapshot(snapshot);
const { checklists, skipped } = checklistsFromAudit(source);
const validate = cklbValidator();

const ofDevice = (id: string) => {
  const found = checklists.find((c) => c.subject.deviceId === id);
  if (!found) throw new Error(`no checklist for ${id}`);
  return found;
};
const rule = (deviceId: string, itemId: string) => {
  const found = ofDevice(deviceId).stig.rules.find((r) => r.ruleVersion === itemId);
  if (!found) throw new Error(`no rule ${itemId} for ${deviceId}`);
  return found;
};

describe('STIG checklists from an audit', () => {
  it('makes one checklist per device in scope and one per room for its room-level items', () => {
    expect(checklists).toHaveLength(snapshot.devices.length + snapshot.audit.roomIds.length);
    expect(skipped).toEqual([]);
    const deviceIds = checklists.flatMap((c) => (c.subject.deviceId ? [c.subject.deviceId] : []));
    expect(new Set(deviceIds)).toEqual(new Set(snapshot.devices.map((d) => d.id)));
    const rooms = checklists.filter((c) => c.subject.deviceId === null);
    expect(rooms.map((c) => c.subject.roomId)).toEqual(snapshot.audit.roomIds);
    for (const room of rooms) {
      expect(room.target.targetType).toBe('Non-Computing');
      expect(room.target.technologyArea).toBe('Traditional Security');
      expect(room.stig.rules.map((r) => r.ruleVersion)).toEqual(
        snapshot.template.items.filter((i) => i.scope === 'room').map((i) => i.id),
      );
    }
  });

  it('every .cklb validates against DISA CKLB 1.0 schema, and the validator does reject', () => {
    for (const checklist of checklists) {
      const doc = cklbDocument(checklist);
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      // The text written is the same document.
      expect(JSON.parse(cklbText(checklist))).toEqual(doc);
    }
    // What real tools write and the schema refuses, to show the judge is awake.
    const doc = cklbDocument(checklists[0]!);
    expect(validate({ ...doc, stigs: [{ ...doc.stigs[0], version: '1' }] })).toBe(false);
    expect(validate({ ...doc, id: 'not-a-uuid' })).toBe(false);
    const rules = doc.stigs[0]!.rules;
    expect(
      validate({ ...doc, stigs: [{ ...doc.stigs[0], rules: [{ ...rules[0], status: 'pass' }] }] }),
    ).toBe(false);
  });

  it('every .ckl has the element order and values of DISA checklist XSD 2.5', () => {
    for (const checklist of checklists) {
      expect(cklStructureProblems(cklText(checklist, '0.1.0')), checklist.title).toEqual([]);
    }
    // The structural judge catches what the XSD would: order, enumerations, a missing VULN.
    const xml = cklText(checklists[0]!, '0.1.0');
    expect(cklStructureProblems(xml.replace('<ROLE>None</ROLE>', '<ROLE></ROLE>'))).toEqual([
      '/CHECKLIST/ASSET/ROLE: "" is not one of ROLE\'s values',
    ]);
    const swapped = xml.replace(/(\t*<HOST_NAME>[^\n]*)\n(\t*<HOST_IP>[^\n]*)/, '$2\n$1');
    expect(swapped).not.toBe(xml);
    expect(cklStructureProblems(swapped)).toEqual([
      expect.stringMatching(
        /^\/CHECKLIST\/ASSET: children ROLE,ASSET_TYPE,MARKING,HOST_IP,HOST_NAME,/,
      ),
    ]);
    const noVuln = xml.replace(/<VULN>[\s\S]*<\/VULN>/, '');
    expect(cklStructureProblems(noVuln)).toEqual([
      expect.stringMatching(/^\/CHECKLIST\/STIGS\/iSTIG: /),
    ]);
  });

  const skipXsd = xmllintMissing();
  if (skipXsd) console.warn(`[STIG export] XSD validation skipped: ${skipXsd}`);
  it.skipIf(skipXsd !== null)('every .ckl validates against the XSD under xmllint', () => {
    const files = checklists.map((c) => ({ name: c.title, text: cklText(c, '0.1.0') }));
    expect(xmllintXsd(files)).toBe('');
    // xmllint does fail a file that breaks the schema.
    expect(
      xmllintXsd([{ name: 'bad', text: files[0]!.text.replace('<ROLE>None', '<ROLE>Server') }]),
    ).toMatch(/ROLE/);
  });

  it('maps answers to statuses, notes to comments, and the target from the inventory', () => {
    const byResult = (result: string) =>
      snapshot.answers.find((a) => a.result === result && a.deviceId !== null)!;
    const expected = {
      pass: 'not_a_finding',
      fail: 'open',
      na: 'not_applicable',
      unchecked: 'not_reviewed',
    };
    for (const [result, status] of Object.entries(expected)) {
      const answer = byResult(result);
      const r = rule(answer.deviceId!, answer.itemId);
      expect(r.status).toBe(status);
      expect(r.comments).toBe(answer.note);
      expect(r.updatedAt).toBe(answer.at);
    }
    // An applicable item nobody answered is "not reviewed" too.
    const answered = new Set(snapshot.answers.map((a) => `${a.deviceId}|${a.itemId}`));
    const unanswered = checklists
      .flatMap((c) => c.stig.rules.map((r) => ({ c, r })))
      .find(
        ({ c, r }) => c.subject.deviceId && !answered.has(`${c.subject.deviceId}|${r.ruleVersion}`),
      );
    if (unanswered) expect(unanswered.r.status).toBe('not_reviewed');

    const mail = ofDevice('demo-dev-mail-gw');
    expect(mail.target).toMatchObject({
      targetType: 'Computing',
      hostName: 'mailgw-02',
      ipAddress: '10.20.3.21, 10.20.9.21',
      role: 'Member Server',
      technologyArea: '',
      marking: 'SECRET',
    });
    expect(mail.target.comments.split('\n')).toEqual(
      expect.arrayContaining([
        'Rack: A-03',
        expect.stringMatching(/^Position: U38(-U\d+)?$/),
        'Roomcheck-ID: device/demo-dev-mail-gw',
        `Roomcheck-Audit: ${snapshot.audit.id}`,
      ]),
    );
    expect(ofDevice('demo-dev-hdds').target.targetType).toBe('Non-Computing');
    expect(ofDevice('demo-dev-laptop').target.role).toBe('Workstation');
    // No host name recorded: the device's name stands in (STIG tools refuse an empty one).
    expect(ofDevice('demo-dev-cam-1').target.hostName).toBe('摄像机 CAM-01 走廊东 / Corridor east');
  });

  it('gives each rule the item as DISA gives a rule: ids, CAT severity, text, control basis', () => {
    const f1 = rule('demo-dev-core-sw', 'F1');
    expect(f1).toMatchObject({
      groupId: 'RC-F1',
      ruleId: 'RC-F1r1',
      ruleIdSrc: 'RC-F1r1_rule',
      ruleVersion: 'F1',
      // F1 is medium in the template and high on network devices (effective severity).
      severity: 'high',
      iaControls: 'CIS 12.1; EN 303 645 5.3',
    });
    expect(rule('demo-dev-oa-old', 'F1').severity).toBe('medium');
    expect(f1.ruleTitle).toBe(SECURE_ROOM_TEMPLATE.items.find((i) => i.id === 'F1')!.text.en);
    expect(f1.discussion).toContain('Control basis: CIS 12.1; EN 303 645 5.3');
    expect(f1.checkContent).toMatch(/^Inspect the device: /);
    expect(f1.fixText).toMatch(/^Bring the device into line with: /);
    for (const c of checklists) {
      expect(c.stig.size).toBe(snapshot.template.items.length);
      expect(c.stig.releaseInfo).toBe('Release: 1 Benchmark Date: 01 Jan 2026');
      expect(c.stig.stigId).toBe('Roomcheck_builtin-secure-room');
      // STIG Manager keys reviews on the rule id and keeps 45 characters of it.
      for (const r of c.stig.rules) expect(r.ruleIdSrc.length).toBeLessThanOrEqual(45);
    }
  });

  it('writes a severity changed with a reason as the override, and findings with their photos', () => {
    const ups = rule('demo-dev-ups', 'N5');
    expect(ups.severity).toBe('medium');
    expect(ups.override).toEqual({
      severity: 'high',
      reason: snapshot.findings.find((f) => f.id === 'demo-audit-2026-f-ups-snmp')!
        .severityChanges[0]!.reason,
    });
    expect(
      cklbDocument(ofDevice('demo-dev-ups')).stigs[0]!.rules.find((r) => r.rule_version === 'N5')!
        .overrides,
    ).toEqual({ severity: ups.override });
    expect(cklText(ofDevice('demo-dev-ups'), '1')).toContain(
      '<SEVERITY_OVERRIDE>high</SEVERITY_OVERRIDE>',
    );

    const d1 = rule('demo-dev-oa-old', 'D1');
    const photo = snapshot.evidence.find(
      (e) => e.findingId === 'demo-audit-2026-f-idle-connected',
    )!;
    expect(d1.findingDetails).toContain(`Photo: ${photo.fileName} SHA-256 ${photo.sha256}`);
    expect(d1.findingDetails).toMatch(/^Finding: .+ \(High \(CAT I\); status Open\)/);
    expect(d1.findingDetails).toContain('Owner: 李娜 Li Na (系统组 Systems team); due 2026-03-09');
    expect(d1.override).toBeNull();
  });

  it('is deterministic: the same audit gives byte-identical files; ids are UUIDs', () => {
    const again = checklistsFromAudit(stigSourceFromSnapshot(demoSnapshot())).checklists;
    expect(again.map((c) => cklbText(c))).toEqual(checklists.map((c) => cklbText(c)));
    expect(again.map((c) => cklText(c, '1'))).toEqual(checklists.map((c) => cklText(c, '1')));
    const ids = checklists.flatMap((c) => [c.id, c.stig.uuid, ...c.stig.rules.map((r) => r.uuid)]);
    expect(ids.every(isUuid)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // Another audit of the same rooms gets other ids.
    const other = checklistsFromAudit({ ...source, audit: { ...source.audit, id: 'other-audit' } });
    expect(other.checklists[0]!.id).not.toBe(checklists[0]!.id);
    expect(new Set(checklists.map((c) => c.title.toLowerCase())).size).toBe(checklists.length);
  });

  it('speaks Chinese when asked: titles and generated text in Chinese, English in the discussion', () => {
    const zh = checklistsFromAudit(source, { lang: 'zh' }).checklists;
    const r = zh.find((c) => c.subject.deviceId === 'demo-dev-core-sw')!.stig.rules[0]!;
    const item = SECURE_ROOM_TEMPLATE.items.find((i) => i.id === r.ruleVersion)!;
    expect(r.ruleTitle).toBe(item.text.zh);
    expect(r.checkContent).toBe(`检查设备：${item.text.zh}\n\n如不符合，即为问题。`);
    expect(r.discussion).toBe(`${item.text.en}\n\n控制依据：${item.basis}`);
    for (const c of zh) expect(validate(cklbDocument(c))).toBe(true);
  });

  it('numbers a new template version as a new release, which both formats carry', () => {
    const v3: Template = { ...snapshot.template, version: 3 };
    const c = checklistsFromAudit({ ...source, template: v3 }).checklists[0]!;
    expect(c.title).toMatch(/-Roomcheck_builtin-secure-room-V1R3$/);
    expect(c.stig.releaseInfo).toBe('Release: 3 Benchmark Date: 01 Jan 2026');
    expect(c.stig.rules[0]!.ruleId).toMatch(/^RC-\w+r3$/);
    const release = (bytes: string) =>
      externalStigResults(readChecklistFile(new TextEncoder().encode(bytes)), {
        fileName: 'x',
        sha256: 'c'.repeat(64),
        importedAt: '2026-03-02T08:00:00.000Z',
      })[0]!.release;
    expect(release(cklText(c, '1'))).toBe('V1R3');
    // A strict CKLB has no version key: the release still says which template version.
    expect(release(cklbText(c))).toBe('R3');
  });

  it('skips subjects with no applicable item, which no checklist format can hold', () => {
    const deviceOnly: Template = {
      ...SECURE_ROOM_TEMPLATE,
      id: 'device-only',
      builtIn: false,
      items: SECURE_ROOM_TEMPLATE.items.filter((i) => i.scope === 'device'),
    };
    const result = checklistsFromAudit({ ...source, template: deviceOnly });
    expect(result.checklists.every((c) => c.subject.deviceId !== null)).toBe(true);
    expect(result.skipped).toEqual(
      snapshot.audit.roomIds.map((roomId) => ({ roomId, deviceId: null, reason: 'no_items' })),
    );
  });

  it('titles checklists as safe file names, short enough in UTF-8 for any file system', () => {
    const id = 'Roomcheck_builtin-secure-room';
    expect(checklistTitle('web01.example.mil', id, 'V1R3')).toBe(
      'web01.example.mil-Roomcheck_builtin-secure-room-V1R3',
    );
    expect(checklistTitle('../a/b:c*?', id, 'V1R3')).toBe(
      '_a_b_c__-Roomcheck_builtin-secure-room-V1R3',
    );
    expect(checklistTitle(' . ', id, 'V1R3')).toBe('checklist-Roomcheck_builtin-secure-room-V1R3');
    const long = checklistTitle('视'.repeat(300), 'R'.repeat(300), 'V1R12');
    expect(new TextEncoder().encode(`${long}.cklb`).length).toBeLessThan(255);
  });
});
