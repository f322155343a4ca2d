import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, sign, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSignedData } from '../../../../main/verify/cms-verify.ts';
import { OID } from '../../../../main/verify/oids.ts';
import { missingJudges } from '../signing/support/judges.ts';

// CMS shapes no committed fixture carries: Ed25519 (OpenSSL 3.0's CLI cannot sign CMS with
// it), signed attributes in a non-DER order (signed over as received), several signers, and a
// signature value that does not verify. Built with pkijs around a key and certificate openssl
// made, signed with node:crypto.

const skip = missingJudges('openssl');
if (skip) console.warn(`[CMS shapes] skipped: ${skip}`);

const content = [new TextEncoder().encode('the signed bytes of a PDF')];
const digestOf = (alg: string) => new Uint8Array(createHash(alg).update(content[0]!).digest());

type Options = {
  digest?: string;
  digestOid?: string;
  reorder?: boolean;
  signers?: number;
  tamper?: boolean;
};

describe.skipIf(skip !== null)('CMS as other signers build it', () => {
  let certDer: Uint8Array;
  let key: ReturnType<typeof createPrivateKey>;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-cms-'));
    execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', 'ed.key'], { cwd: dir });
    execFileSync(
      'openssl',
      [
        'req',
        '-new',
        '-x509',
        '-key',
        'ed.key',
        '-subj',
        '/CN=Ed25519 signer',
        '-days',
        '3650',
        '-out',
        'ed.pem',
      ],
      { cwd: dir },
    );
    certDer = new Uint8Array(new X509Certificate(readFileSync(join(dir, 'ed.pem'))).raw);
    key = createPrivateKey(readFileSync(join(dir, 'ed.key')));
  });

  function build(o: Options = {}): Uint8Array {
    const cert = pkijs.Certificate.fromBER(certDer.slice());
    const attrs = [
      new pkijs.Attribute({
        type: OID.contentType,
        values: [new asn1js.ObjectIdentifier({ value: OID.data })],
      }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [
          new asn1js.OctetString({ valueHex: digestOf(o.digest ?? 'sha512').slice().buffer }),
        ],
      }),
    ];
    if (o.reorder) attrs.reverse();
    const signerInfo = () => {
      const si = new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: cert.issuer,
          serialNumber: cert.serialNumber,
        }),
        digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: o.digestOid ?? OID.sha512 }),
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.ed25519 }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: attrs }),
      });
      // Signed over the attributes exactly as they are encoded here (a SET, in this order).
      const encoded = new Uint8Array(si.signedAttrs!.toSchema().toBER(false));
      encoded[0] = 0x31;
      const value = new Uint8Array(sign(null, encoded, key));
      if (o.tamper) value[0] = value[0]! ^ 1;
      si.signature = new asn1js.OctetString({ valueHex: value.slice().buffer });
      return si;
    };
    const sd = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: o.digestOid ?? OID.sha512 })],
      certificates: [cert],
      signerInfos: Array.from({ length: o.signers ?? 1 }, signerInfo),
    });
    const ci = new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) });
    return new Uint8Array(ci.toSchema().toBER(false));
  }

  const check = (cms: Uint8Array) =>
    checkSignedData(cms, { content, contentType: OID.data, requireSigningCertificate: false });

  it('Ed25519 with SHA-512 (RFC 8419) verifies', () => {
    expect(check(build())).toMatchObject({ status: 'ok', code: 'ok' });
  });

  it('signed attributes in an order DER would not use are checked as received', () => {
    expect(check(build({ reorder: true }))).toMatchObject({ status: 'ok' });
  });

  it('Ed25519 with SHA-256 is a disallowed combination: indeterminate, not invalid', () => {
    const r = check(build({ digest: 'sha256', digestOid: OID.sha256 }));
    expect(r).toMatchObject({ status: 'indeterminate', code: 'weak_algorithm' });
    expect(r.message?.code).toBe('disallowed_digest');
  });

  it('two signers: indeterminate (Roomcheck checks signatures with one)', () => {
    expect(check(build({ signers: 2 }))).toMatchObject({
      status: 'indeterminate',
      code: 'unsupported',
    });
  });

  it('a signature value that does not verify is invalid', () => {
    expect(check(build({ tamper: true }))).toMatchObject({
      status: 'invalid',
      code: 'bad_signature',
    });
  });

  it('content other than what was signed is a digest mismatch', () => {
    const r = checkSignedData(build(), {
      content: [new TextEncoder().encode('other bytes')],
      contentType: OID.data,
      requireSigningCertificate: false,
    });
    expect(r).toMatchObject({ status: 'invalid', code: 'digest_mismatch' });
  });
});
