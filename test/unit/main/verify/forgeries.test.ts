import { beforeAll, describe, expect, it } from 'vitest';
import { PdfState } from '../../../../main/pdf/pdf-file.ts';
import { serialize } from '../../../../main/pdf/pdf-syntax.ts';
import { signReportPdf } from '../../../../main/report/create-signed-report.ts';
import { countersignPdf } from '../../../../main/signing/countersign.ts';
import { fillSignature } from '../../../../main/signing/signature-dictionary.ts';
import { appendSignatureRevision } from '../../../../main/signing/countersign.ts';
import { verifyPdf } from '../../../../main/verify/verify-pdf.ts';
import { appendUpdate, firstPageContents, indexOf, replaceAt } from '../signing/support/forge.ts';
import {
  missingJudges,
  pdfsig,
  pdfsigBlocks,
  qpdfCheck,
  writeTemp,
} from '../signing/support/judges.ts';
import { testPki, type TestPki } from '../signing/support/pki.ts';
import { demoSnapshot, info, samplePdf } from '../signing/support/samples.ts';

// Forged copies of a signed report: our verifier must call every one invalid, and pdfsig must
// agree wherever it can tell (it checks digests but not what later revisions changed).

const skip = missingJudges('pdfsig', 'certutil', 'openssl', 'qpdf');
if (skip) console.warn(`[forgery tests] skipped: ${skip}`);

describe.skipIf(skip !== null)('forged reports', () => {
  let pki: TestPki;
  let signed: Uint8Array;
  let countersigned: Uint8Array;
  const trust = () => ({ trustAnchors: [pki.caPem] });

  beforeAll(async () => {
    pki = testPki();
    signed = (await signReportPdf(samplePdf(), demoSnapshot(), pki.ec, info('Inspector'))).bytes;
    countersigned = (await countersignPdf(signed, pki.rsa, info('Approver 李四'), trust())).bytes;
  });

  it('a changed byte inside the signed range: digest mismatch, for us and for pdfsig', async () => {
    const at = indexOf(signed, 'Roomcheck audit report');
    expect(at).toBeGreaterThan(0);
    const forged = replaceAt(signed, at, 'Roomcheck audit REPORT');
    const v = await verifyPdf(forged, trust());
    expect(v).toMatchObject({ status: 'invalid', code: 'digest_mismatch' });
    expect(pdfsig(writeTemp(forged), pki.nssDir).out).toContain('Digest Mismatch.');
  });

  it('an appended revision that replaces the page content: invalid; pdfsig says "Not total document signed"', async () => {
    const { num } = firstPageContents(signed);
    const content = 'BT /F1 16 Tf 20 800 Td (No findings. All clear.) Tj ET';
    const forged = appendUpdate(signed, [
      { num, body: `<</Length ${content.length}>>\nstream\n${content}\nendstream` },
    ]);
    const v = await verifyPdf(forged, trust());
    expect(v.status).toBe('invalid');
    expect(v.code).toBe('modified');
    expect(v.reason).toMatch(/Revision 2 .* not permitted: it changes object \d+/);
    const out = pdfsig(writeTemp(forged), pki.nssDir).out;
    expect(out).toContain('Not total document signed');
    // pdfsig alone would still call the signature itself valid: the point of being stricter.
    expect(out).toContain('Signature is Valid.');
  });

  it('an altered ByteRange (not covering the file end): invalid for us, and pdfsig no longer reports a valid whole-document signature', async () => {
    const at = indexOf(signed, '/ByteRange [0 ');
    const end = indexOf(signed, ']', at);
    const original = new TextDecoder().decode(signed.subarray(at, end + 1));
    const nums = original.match(/\d+/g)!.map(Number);
    const altered = `/ByteRange [0 ${nums[1]} ${nums[2]} ${nums[3]! - 7}`;
    const forged = replaceAt(signed, at, altered.padEnd(end - at, ' ') + ']');
    const v = await verifyPdf(forged, trust());
    expect(v.status).toBe('invalid');
    const out = pdfsig(writeTemp(forged), pki.nssDir).out;
    expect(out.includes('Signature is Valid.') && out.includes('Total document signed')).toBe(
      false,
    );
    expect(out).toMatch(/Digest Mismatch\.|Not total document signed/);
  });

  it('a ByteRange whose gap is not exactly /Contents: invalid (signature wrapping)', async () => {
    const at = indexOf(signed, '/ByteRange [0 ');
    const end = indexOf(signed, ']', at);
    const nums = new TextDecoder().decode(signed.subarray(at, end)).match(/\d+/g)!.map(Number);
    const shifted = `/ByteRange [0 ${nums[1]! + 1} ${nums[2]} ${nums[3]}`;
    const v = await verifyPdf(replaceAt(signed, at, shifted.padEnd(end - at, ' ') + ']'), trust());
    expect(v).toMatchObject({ status: 'invalid', code: 'byte_range' });
  });

  it('bytes appended after %%EOF: invalid for us; pdfsig says "Not total document signed"', async () => {
    const forged = new Uint8Array([...signed, ...new TextEncoder().encode('\n% appended note\n')]);
    const v = await verifyPdf(forged, trust());
    expect(v).toMatchObject({ status: 'invalid', code: 'modified' });
    expect(v.reason).toMatch(/bytes were appended after the last revision/);
    expect(pdfsig(writeTemp(forged), pki.nssDir).out).toContain('Not total document signed');
  });

  it('data hidden in the zero padding of /Contents: invalid, though no signed byte changed', async () => {
    const at = indexOf(signed, '/Contents <') + '/Contents <'.length;
    const close = indexOf(signed, '>', at);
    const forged = replaceAt(signed, close - 4, 'beef');
    expect((await verifyPdf(forged, trust())).code).toBe('bad_cms');
  });

  it('a changed metadata (Info) revision: invalid', async () => {
    const forged = appendUpdate(signed, [{ num: 9999, body: '<</Title (Forged)>>' }], '9999 0 R');
    const v = await verifyPdf(forged, trust());
    expect(v.status).toBe('invalid');
    expect(v.reason).toMatch(/metadata/);
  });

  it('an update whose xref points back into the signed bytes (a shadowed object): invalid', async () => {
    const state = new PdfState(signed);
    const [num, entry] = [...state.entries].find(([, e]) => e.type === 'offset' && e.offset > 0)!;
    const offset = entry.type === 'offset' ? entry.offset : 0;
    const forged = appendUpdate(signed, [{ num, body: 'null', offset }]);
    const v = await verifyPdf(forged, trust());
    expect(v.status).toBe('invalid');
    expect(v.reason).toMatch(/points outside the update/);
  });

  it('a DSS-only update (validation data) is permitted: still valid, though not the whole file', async () => {
    const state = new PdfState(signed);
    const catalog = state.catalog;
    const entries = [...catalog.entries].map(([k, v]) => `/${k} ${serialize(v)}`).join(' ');
    const forged = appendUpdate(signed, [
      { num: state.rootRef.num, body: `<<${entries} /DSS 9998 0 R>>` },
      { num: 9998, body: '<</Certs []>>' },
    ]);
    const v = await verifyPdf(forged, trust());
    expect(v.status).toBe('valid');
    expect(v.signatures[0]?.coversWholeFile).toBe(false);
  });

  it('countersigned: both signatures valid for pdfsig and for us, first revision bytes untouched', async () => {
    expect(countersigned.subarray(0, signed.length)).toEqual(signed);
    const file = writeTemp(countersigned);
    const blocks = pdfsigBlocks(pdfsig(file, pki.nssDir).out);
    expect(blocks).toHaveLength(2);
    for (const b of blocks) {
      expect(b).toContain('Signature is Valid.');
      expect(b).toContain('Certificate is Trusted.');
    }
    expect(blocks[0]).toContain('Not total document signed');
    expect(blocks[1]).toContain('Total document signed');
    expect(blocks[1]).not.toContain('Not total');
    expect(qpdfCheck(file).status).toBe(0);
    const v = await verifyPdf(countersigned, trust());
    expect(v.status).toBe('valid');
    expect(v.signatures.map((s) => [s.name, s.coversWholeFile, s.signer?.commonName])).toEqual([
      ['Inspector', false, 'Inspector EC'],
      ['Approver 李四', true, 'Inspector RSA'],
    ]);
  });

  it('countersigned, then a content-changing revision appended: invalid', async () => {
    const { num } = firstPageContents(countersigned);
    const forged = appendUpdate(countersigned, [
      { num, body: '<</Length 0>>\nstream\n\nendstream' },
    ]);
    expect((await verifyPdf(forged, trust())).status).toBe('invalid');
  });

  it('a content change slipped in before the countersignature is invalid, even though the countersignature covers it (pdfsig cannot tell)', async () => {
    const { num } = firstPageContents(signed);
    const content = 'BT /F1 16 Tf 20 800 Td (Forged) Tj ET';
    const changed = appendUpdate(signed, [
      { num, body: `<</Length ${content.length}>>\nstream\n${content}\nendstream` },
    ]);
    const prepared = appendSignatureRevision(changed, info('Approver'), 'Approver signature');
    const forged = fillSignature(prepared, pki.rsa, changed.length);
    const blocks = pdfsigBlocks(pdfsig(writeTemp(forged), pki.nssDir).out);
    expect(blocks.every((b) => b.includes('Signature is Valid.'))).toBe(true);
    const v = await verifyPdf(forged, trust());
    expect(v.status).toBe('invalid');
    expect(v.reason).toMatch(/Revision 2 .* it changes object/);
  });

  it('refuses to countersign a forged report', async () => {
    const at = indexOf(signed, 'Roomcheck audit report');
    const forged = replaceAt(signed, at, 'X');
    await expect(countersignPdf(forged, pki.rsa, info('Approver'), trust())).rejects.toThrow(
      /cannot be countersigned/,
    );
  });
});
