import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../../../../main/verify/verify-pdf.ts';
import { missingJudges } from '../signing/support/judges.ts';
import {
  cmsSigner,
  docMdpReference,
  fieldsDocument,
  pikepdfUpdate,
  signField,
} from './support/fixture-docs.ts';
import { opensslCa, opensslLeaf, placeholderDictionary, RSA_KEY } from './support/world.ts';

// What a signature permits afterwards (ISO 32000-2 §12.8.2): a certification signature's
// DocMDP level and the FieldMDP locks of an approval signature, judged on updates pikepdf
// writes after an openssl cms signature. Built at run time under a throw-away CA.

const pikepdf =
  spawnSync('/usr/bin/python3', ['-c', 'import pikepdf'], { timeout: 60_000 }).status === 0;
const reason =
  missingJudges('openssl') ?? (pikepdf ? null : "Debian's python3-pikepdf is not installed");
if (reason) console.log(`Skipping the DocMDP/FieldMDP tests: ${reason}`);

describe.skipIf(reason !== null)('permissions a signature grants for later changes', () => {
  let dir = '';
  let anchor = '';
  let base = new Uint8Array();
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rc-mdp-'));
    opensslCa(dir, 'root', 'MDP Test Root');
    opensslLeaf(dir, 'rsa', 'MDP Signer', RSA_KEY, 'root');
    anchor = readFileSync(join(dir, 'root.pem'), 'utf8');
    fieldsDocument(dir);
    base = new Uint8Array(readFileSync(join(dir, 'fields.pdf')));
  }, 120_000);

  const cades = (extra = '') => placeholderDictionary('ETSI.CAdES.detached', 'Sig', extra);
  const certified = (p: 1 | 2 | 3) =>
    signField(
      base,
      cades(docMdpReference(p)),
      cmsSigner(dir, 'rsa', '-cades'),
      '/Perms <</DocMDP SIG 0 R>>',
    );
  const approved = (extra = '', fieldExtra = '') =>
    signField(base, cades(extra), cmsSigner(dir, 'rsa', '-cades'), '', fieldExtra);
  const fieldMdp = (action: string, fields = '') =>
    ` /Reference [<</Type /SigRef /TransformMethod /FieldMDP /TransformParams <</Type /TransformParams /Action /${action}${fields} /V /1.2>>>>]`;

  async function judge(bytes: Uint8Array) {
    const v = await verifyPdf(bytes, { trustAnchors: [anchor], summarizeSnapshot: false });
    const s = v.signatures[0]!;
    return {
      status: v.status,
      kind: s.kind,
      intact: s.intact,
      changes: s.laterChanges.map((c) => `${c.message.code}${c.permitted ? '+' : '-'}`),
    };
  }

  it('DocMDP P=2 permits filling in a form field but not an annotation', async () => {
    const signed = certified(2);
    expect(await judge(signed)).toEqual({
      status: 'valid',
      kind: 'certification',
      intact: true,
      changes: [],
    });
    const filled = await judge(pikepdfUpdate(dir, signed, 'fill-text', 'Checked'));
    expect(filled).toMatchObject({ status: 'valid', intact: true });
    expect(filled.changes).toEqual(['change_form_filled+']);
    const annotated = await judge(pikepdfUpdate(dir, signed, 'annotation'));
    expect(annotated).toMatchObject({ status: 'invalid', intact: true });
    expect(annotated.changes.every((c) => c.endsWith('-'))).toBe(true);
    expect(annotated.changes.length).toBeGreaterThan(0);
  }, 120_000);

  it('DocMDP P=3 also permits an annotation; P=1 permits neither', async () => {
    const annotated = await judge(pikepdfUpdate(dir, certified(3), 'annotation'));
    expect(annotated).toMatchObject({ status: 'valid', kind: 'certification', intact: true });
    expect(annotated.changes).toEqual(['change_annotation_added+']);
    const p1 = certified(1);
    for (const op of [['fill-text', 'Checked'], ['annotation']]) {
      const v = await judge(pikepdfUpdate(dir, p1, ...op));
      expect(v).toMatchObject({ status: 'invalid', intact: true });
      expect(v.changes.every((c) => c.endsWith('-'))).toBe(true);
    }
  }, 120_000);

  it('a FieldMDP lock in the signature freezes the fields it names, and only those', async () => {
    const locked = await judge(
      pikepdfUpdate(dir, approved(fieldMdp('Include', ' /Fields [(Note)]')), 'fill-text', 'x'),
    );
    expect(locked).toMatchObject({ status: 'invalid', kind: 'approval', intact: true });
    expect(locked.changes).toEqual(['change_field_locked-']);
    const excluded = await judge(
      pikepdfUpdate(dir, approved(fieldMdp('Exclude', ' /Fields [(Note)]')), 'fill-text', 'x'),
    );
    expect(excluded).toMatchObject({ status: 'valid', intact: true });
    expect(excluded.changes).toEqual(['change_form_filled+']);
  }, 120_000);

  it("a signature field's /Lock dictionary freezes every field with /Action /All", async () => {
    const signed = approved('', ' /Lock <</Type /SigFieldLock /Action /All>>');
    expect((await judge(signed)).status).toBe('valid');
    const filled = await judge(pikepdfUpdate(dir, signed, 'fill-text', 'x'));
    expect(filled).toMatchObject({ status: 'invalid', intact: true });
    expect(filled.changes).toEqual(['change_field_locked-']);
  }, 120_000);
});
