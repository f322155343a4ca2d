import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { signReportPdf } from '../../../../main/report/create-signed-report.ts';
import { extractSnapshot } from '../../../../main/report/embed-snapshot.ts';
import { verifyPdf, type Verdict } from '../../../../main/verify/verify-pdf.ts';
import { indexOf } from '../signing/support/forge.ts';
import { missingJudges } from '../signing/support/judges.ts';
import { testPki, type TestPki } from '../signing/support/pki.ts';
import { demoSnapshot, info, samplePdf } from '../signing/support/samples.ts';

// Whatever bytes arrive (a dropped file, a bridge payload, a CLI argument), the verifier answers
// with a verdict, quickly, and never calls a changed signed byte valid.

const skip = missingJudges('openssl');
if (skip) console.warn(`[hostile input tests] skipped: ${skip}`);

const enc = (s: string) => new TextEncoder().encode(s);
const opts = () => ({ trustAnchors: [testPki().caPem] });

// Time and memory are bounded by the verifier's own work budget (budget.test.ts asserts its
// counters); a wall-clock bound here would only measure how loaded the machine is.
async function verdictOf(bytes: Uint8Array): Promise<Verdict> {
  const v = await verifyPdf(bytes, opts());
  expect(['valid', 'invalid', 'indeterminate']).toContain(v.status);
  expect(v.reason.length).toBeGreaterThan(0);
  return v;
}

/** A minimal PDF around a given signature dictionary body, with a correct xref. */
function pdfWithSignature(sigDict: string, trailerExtra = ''): Uint8Array {
  const objs = [
    '<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields [4 0 R]>>>>',
    '<</Type /Pages /Kids [3 0 R] /Count 1>>',
    '<</Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Annots [4 0 R]>>',
    '<</FT /Sig /T (S) /Subtype /Widget /Rect [0 0 0 0] /V 5 0 R>>',
    sigDict,
  ];
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objs.length + 1}\n0000000000 65535 f\r\n`;
  for (const off of offsets) text += `${String(off).padStart(10, '0')} 00000 n\r\n`;
  text += `trailer\n<</Size ${objs.length + 1} /Root 1 0 R${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return enc(text);
}

describe.skipIf(skip !== null)('hostile input to the verifier', () => {
  let pki: TestPki;
  let signed: Uint8Array;
  beforeAll(async () => {
    pki = testPki();
    signed = (await signReportPdf(samplePdf(), demoSnapshot(), pki.ec, info())).bytes;
  });

  it('not a PDF at all, or empty: not_pdf', async () => {
    for (const b of [
      new Uint8Array(),
      enc('hello'),
      enc('{"format":"roomcheck"}'),
      new Uint8Array(4096),
    ]) {
      expect((await verdictOf(b)).code).toBe('not_pdf');
    }
  });

  it('a signed report truncated anywhere: never valid, never a throw', async () => {
    const cuts = [
      10,
      100,
      1000,
      Math.floor(signed.length / 2),
      signed.length - 100,
      signed.length - 6,
      signed.length - 1,
    ];
    for (const cut of cuts) {
      const v = await verdictOf(signed.subarray(0, cut));
      expect(v.status).toBe('invalid');
    }
  });

  it('a PDF with no signature: no_signature', async () => {
    expect((await verdictOf(samplePdf())).code).toBe('no_signature');
  });

  it('bogus ByteRange values are refused with byte_range', async () => {
    const contents = `<${'00'.repeat(64)}>`;
    for (const br of [
      '[0 10 20]',
      '[0 -1 20 30]',
      '[0 1.5 20 30]',
      '[1 10 20 30]',
      '[0 10 20 30 40]',
      '5 0 R',
      '[0 99999999999 1 1]',
      '(text)',
    ]) {
      const v = await verdictOf(
        pdfWithSignature(
          `<</Type /Sig /SubFilter /ETSI.CAdES.detached /ByteRange ${br} /Contents ${contents}>>`,
        ),
      );
      expect(v.status).toBe('invalid');
      expect(v.signatures[0]?.code ?? v.code).toBe('byte_range');
    }
  });

  it('a huge /Contents is refused, not parsed as CMS', async () => {
    const hex = 'ab'.repeat(2 * 1024 * 1024);
    const v = await verdictOf(
      pdfWithSignature(
        `<</Type /Sig /SubFilter /ETSI.CAdES.detached /ByteRange [0 1 2 3] /Contents <${hex}>>>`,
      ),
    );
    expect(v.status).toBe('invalid');
  });

  it('a /Contents that is garbage DER, with a ByteRange that matches it: bad_cms', async () => {
    // Build twice: the first pass finds where /Contents lands, the second writes a matching ByteRange.
    const body = (br: string) =>
      `<</Type /Sig /SubFilter /ETSI.CAdES.detached /ByteRange ${br} /Contents <3082ffff0102>>>`;
    const first = pdfWithSignature(body('[0 0000000000 0000000000 0000000000]'));
    const start = indexOf(first, '<3082');
    const end = start + '<3082ffff0102>'.length;
    const pdf = pdfWithSignature(
      body(
        `[0 ${String(start).padStart(10, '0')} ${String(end).padStart(10, '0')} ${String(first.length - end).padStart(10, '0')}]`,
      ),
    );
    const v = await verdictOf(pdf);
    expect(v.status).toBe('invalid');
    expect(v.signatures[0]?.code).toBe('bad_cms');
  });

  it('deeply nested garbage, loops and lies in the cross-reference data: a verdict, fast', async () => {
    const deep = '['.repeat(100_000);
    const cases = [
      pdfWithSignature(`<</Type /Sig /ByteRange ${deep}>>`),
      pdfWithSignature('<</Type /Sig>>', ' /Prev 9'),
      enc('%PDF-1.7\nxref\n0 99999999\ntrailer\n<<>>\nstartxref\n9\n%%EOF\n'),
      enc(
        '%PDF-1.7\n1 0 obj\n<</Type /XRef /W [1 2 1] /Size 3 /Length 10>>\nstream\n0123456789\nendstream\nendobj\nstartxref\n9\n%%EOF\n',
      ),
      enc('%PDF-1.7\nstartxref\n999999\n%%EOF\n'),
      enc(`%PDF-1.7\n${'('.repeat(50_000)}\nstartxref\n9\n%%EOF\n`),
      enc(
        '%PDF-1.7\nxref\n0 1\n0000000000 65535 f\r\ntrailer\n<</Root 1 0 R /Prev 9>>\nstartxref\n9\n%%EOF\n',
      ),
    ];
    for (const c of cases) expect((await verdictOf(c)).status).toBe('invalid');
  });

  it('a zip bomb in a cross-reference stream is cut off at the size limit', async () => {
    const { deflateSync } = await import('node:zlib');
    const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024));
    const head = enc(
      `%PDF-1.7\n1 0 obj\n<</Type /XRef /W [1 4 1] /Size 2 /Filter /FlateDecode /Length ${bomb.length}>>\nstream\n`,
    );
    const tail = enc('\nendstream\nendobj\nstartxref\n9\n%%EOF\n');
    const pdf = new Uint8Array([...head, ...bomb, ...tail]);
    expect((await verdictOf(pdf)).status).toBe('invalid');
  });

  it('extractSnapshot refuses what is not a report with an embedded snapshot', () => {
    expect(() => extractSnapshot(enc('nope'))).toThrow(/not a readable PDF/);
    expect(() => extractSnapshot(samplePdf())).toThrow(/no embedded audit snapshot/);
  });

  it('fuzz: random byte changes never crash the verifier, and a changed signed byte is never valid', async () => {
    const range = (() => {
      const at = indexOf(signed, '/ByteRange [0 ');
      const nums = new TextDecoder()
        .decode(signed.subarray(at, at + 60))
        .match(/\d+/g)!
        .map(Number);
      return { gapStart: nums[1]!, gapEnd: nums[2]! };
    })();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ pos: fc.nat({ max: signed.length - 1 }), value: fc.nat({ max: 255 }) }),
          { minLength: 1, maxLength: 4 },
        ),
        async (mutations) => {
          const copy = signed.slice();
          let signedByteChanged = false;
          for (const { pos, value } of mutations) {
            if (copy[pos] === value) continue;
            copy[pos] = value;
            if (pos < range.gapStart || pos >= range.gapEnd) signedByteChanged = true;
          }
          const v = await verifyPdf(copy, opts());
          expect(['valid', 'invalid', 'indeterminate']).toContain(v.status);
          if (signedByteChanged) expect(v.status).not.toBe('valid');
        },
      ),
      { numRuns: 150 },
    );
  });
});
