import { PDFDocument } from 'pdf-lib';
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
    expect(v.reason).toMatch(/Revision 2 .* not permitted: Page 1's content changed/);
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
    expect(v.reason).toMatch(/redefines object \d+ with bytes from before the update/);
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
    expect(v.reason).toMatch(/Revision 2 .* not permitted: Page 1's content changed/);
  });

  it('shadow attack, hide: content prepared unused before signing is switched in afterwards', async () => {
    // The attacker hands over a document carrying an unreferenced content stream; it is signed.
    const doc = await PDFDocument.load(samplePdf());
    const hidden = doc.context.register(
      doc.context.flateStream('BT /F1 16 Tf 20 800 Td (No findings. All clear.) Tj ET'),
    );
    const prepared = new Uint8Array(await doc.save({ useObjectStreams: false }));
    const victim = (await signReportPdf(prepared, demoSnapshot(), pki.ec, info())).bytes;
    expect((await verifyPdf(victim, trust())).status).toBe('valid');
    // Afterwards, only the page's /Contents reference moves to the hidden stream.
    const state = new PdfState(victim);
    const pages = state.lookup(state.catalog, 'Pages');
    const kids = state.lookup(pages, 'Kids');
    if (kids?.kind !== 'array' || kids.items[0]?.kind !== 'ref') throw new Error('no page');
    const pageNum = kids.items[0].num;
    const page = state.getObject(pageNum)!.value;
    if (page.kind !== 'dict') throw new Error('page');
    const entries = [...page.entries]
      .map(([k, v]) => `/${k} ${k === 'Contents' ? `${hidden.objectNumber} 0 R` : serialize(v)}`)
      .join(' ');
    const forged = appendUpdate(victim, [{ num: pageNum, body: `<<${entries}>>` }]);
    const v = await verifyPdf(forged, trust());
    expect(v).toMatchObject({ status: 'invalid', code: 'modified' });
    expect(v.signatures[0]!.laterChanges).toEqual([
      {
        revision: 2,
        permitted: false,
        message: { code: 'change_page_content', params: { page: 1 } },
      },
    ]);
  });

  it('shadow attack, replace: a font the page uses is redefined after signing', async () => {
    const state = new PdfState(signed);
    const kids = state.lookup(state.lookup(state.catalog, 'Pages'), 'Kids');
    if (kids?.kind !== 'array') throw new Error('no pages');
    const fonts = state.lookup(state.lookup(kids.items[0], 'Resources'), 'Font');
    const font =
      fonts?.kind === 'dict'
        ? [...fonts.entries.values()].find((f) => f.kind === 'ref')
        : undefined;
    if (font?.kind !== 'ref') throw new Error('no indirect font');
    const forged = appendUpdate(signed, [
      { num: font.num, body: '<</Type /Font /Subtype /Type1 /BaseFont /Symbol>>' },
    ]);
    const v = await verifyPdf(forged, trust());
    expect(v).toMatchObject({ status: 'invalid', code: 'modified' });
    expect(v.signatures[0]!.laterChanges[0]?.message).toMatchObject({
      code: 'change_page',
      params: { page: 1, key: 'Resources' },
    });
  });

  it('shadow attack, overlay: an annotation drawn over the page after signing', async () => {
    const state = new PdfState(signed);
    const kids = state.lookup(state.lookup(state.catalog, 'Pages'), 'Kids');
    if (kids?.kind !== 'array' || kids.items[0]?.kind !== 'ref') throw new Error('no page');
    const pageNum = kids.items[0].num;
    const page = state.getObject(pageNum)!.value;
    if (page.kind !== 'dict') throw new Error('page');
    const annotNum = Number(serialize(state.trailer.entries.get('Size')!));
    const annots = state.resolve(page.entries.get('Annots'));
    const items = annots?.kind === 'array' ? annots.items.map(serialize).join(' ') : '';
    const entries = [...page.entries]
      .filter(([k]) => k !== 'Annots')
      .map(([k, v]) => `/${k} ${serialize(v)}`)
      .join(' ');
    const forged = appendUpdate(signed, [
      { num: pageNum, body: `<<${entries} /Annots [${items} ${annotNum} 0 R]>>` },
      {
        num: annotNum,
        body: '<</Type /Annot /Subtype /FreeText /Rect [20 700 580 820] /Contents (All clear) /DA (/Helv 24 Tf 0 g) /F 4>>',
      },
    ]);
    const v = await verifyPdf(forged, trust());
    expect(v).toMatchObject({ status: 'invalid', code: 'modified' });
    expect(v.signatures[0]!.laterChanges[0]).toMatchObject({
      permitted: false,
      message: {
        code: 'change_annotations_not_permitted',
        params: { change: { code: 'change_annotation_added', params: { page: 1 } } },
      },
    });
  });

  it('refuses to countersign a forged report', async () => {
    const at = indexOf(signed, 'Roomcheck audit report');
    const forged = replaceAt(signed, at, 'X');
    await expect(countersignPdf(forged, pki.rsa, info('Approver'), trust())).rejects.toThrow(
      /cannot be countersigned/,
    );
  });
});
