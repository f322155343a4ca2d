import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { PdfState } from '../../../../main/pdf/pdf-file.ts';
import { dictGet } from '../../../../main/pdf/pdf-syntax.ts';
import { checkSignedData } from '../../../../main/verify/cms-verify.ts';
import { readFormFields } from '../../../../main/verify/form-fields.ts';
import { checkTimestampToken } from '../../../../main/verify/timestamp.ts';
import { verifyPdf } from '../../../../main/verify/verify-pdf.ts';
import expected from '../../../fixtures/verify/expected.json' with { type: 'json' };

// Signed PDFs made by other tools (pdfsig/NSS, openssl cms and ts, qpdf, pikepdf; see
// test/fixtures/verify/generate.ts), each against the verdict expected.json records.

const DIR = resolve(import.meta.dirname, '../../../fixtures/verify');
const anchors = ['root-ca.pem', 'tsa-ca.pem'].map((f) =>
  readFileSync(join(DIR, 'anchors', f), 'utf8'),
);
const read = (f: string) => new Uint8Array(readFileSync(join(DIR, f)));

type Expected = {
  file: string;
  status: string;
  code: string;
  signatures: { kind: string; status: string; changes: string[]; timestamp?: string }[];
};

describe('signed PDFs made by other tools', () => {
  it('every committed fixture is in expected.json', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.pdf'))
      .sort();
    expect((expected.files as Expected[]).map((e) => e.file).sort()).toEqual(files);
  });

  for (const e of expected.files as Expected[]) {
    it(`${e.file}: ${e.status}`, async () => {
      const v = await verifyPdf(read(e.file), { trustAnchors: anchors, summarizeSnapshot: false });
      expect({ status: v.status, code: v.code }).toEqual({ status: e.status, code: e.code });
      expect(
        v.signatures.map((s) => ({
          kind: s.kind,
          status: s.status,
          changes: s.laterChanges.map((c) => `${c.message.code}${c.permitted ? '+' : '-'}`),
          ...(s.timestamp ? { timestamp: s.timestamp.trusted ? 'trusted' : 'claimed' } : {}),
        })),
      ).toEqual(e.signatures);
    });
  }

  it('a timestamp whose authority is not trusted gives a claimed time, not a vouched one', async () => {
    const v = await verifyPdf(read('cms-signature-timestamp.pdf'), {
      trustAnchors: [anchors[0]!],
    });
    const ts = v.signatures[0]!.timestamp!;
    expect(ts).toMatchObject({
      intact: true,
      trusted: false,
      authority: 'Test Time Stamping Authority',
    });
    expect(ts.message?.code).toBe('untrusted_chain');
    // The signature itself is still valid: its signer chains to the root.
    expect(v.status).toBe('valid');
    const doc = await verifyPdf(read('doc-timestamp.pdf'), { trustAnchors: [anchors[0]!] });
    expect(doc.status).toBe('indeterminate');
    expect(doc.signatures[1]).toMatchObject({ kind: 'timestamp', intact: true, trusted: false });
  });

  it('a timestamp token for other data is not intact, and says so', () => {
    const v = new PdfState(read('cms-signature-timestamp.pdf'));
    const field = readFormFields(v).byName.get('Sig1')!;
    const contents = dictGet(v.resolve(field.value), 'Contents');
    if (contents?.kind !== 'string') throw new Error('no /Contents');
    const cms = checkSignedData(contents.bytes, {
      content: 'encapsulated',
      contentType: '1.2.840.113549.1.7.1',
      requireSigningCertificate: false,
    });
    // Detached: checked as encapsulated it fails, but the parts we need are read.
    expect(cms.signatureValue?.length).toBeGreaterThan(100);
    const ci = pkijs.ContentInfo.fromBER(contents.bytes.slice());
    const sd = new pkijs.SignedData({ schema: ci.content });
    const token = new Uint8Array(
      sd.signerInfos[0]!.unsignedAttrs!.attributes[0]!.values[0]!.toBER(),
    );
    const trust = { anchors: anchors.map((a) => new X509Certificate(a)), pins: new Set<string>() };
    const ok = checkTimestampToken(token, [cms.signatureValue!], trust);
    expect(ok.summary).toMatchObject({
      intact: true,
      trusted: true,
      authority: 'Test Time Stamping Authority',
    });
    const other = checkTimestampToken(token, [new TextEncoder().encode('other data')], trust);
    expect(other.summary).toMatchObject({ intact: false, trusted: false });
    expect(other.summary.message?.code).toBe('ts_imprint_mismatch');
  });
});
