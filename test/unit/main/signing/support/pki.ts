import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SignerMaterial } from '../../../../../main/signing/cms-signer.ts';

// A throw-away PKI made with the openssl command line (an independent implementation, so our
// p12 reader and verifier are tested against files we did not write): a test CA, an RSA and
// an EC P-256 signer it issued, their PKCS#12 files (OpenSSL 3 default AES and -legacy), an
// unrelated CA, and an NSS store that trusts the test CA for pdfsig.

export const P12_PASSPHRASE = 'test p12 passphrase';

export type TestPki = {
  dir: string;
  caPem: string;
  caPath: string;
  otherCaPem: string;
  nssDir: string;
  rsa: SignerMaterial & { p12: string; p12Legacy: string; pem: string };
  ec: SignerMaterial & { p12: string; p12Legacy: string; pem: string };
  /** Sign an arbitrary CSR (PEM) with the test CA; returns the certificate PEM. */
  signCsr(csrPem: string): string;
};

const EXT = `[v3_ca]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
[v3_leaf]
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,nonRepudiation
extendedKeyUsage=emailProtection
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
`;

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

let cached: TestPki | undefined;

export function testPki(): TestPki {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'roomcheck-pki-'));
  writeFileSync(join(dir, 'ext.cnf'), EXT);
  const ca = (name: string, cn: string) => {
    openssl(
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-subj',
        `/CN=${cn}/O=Roomcheck Tests`,
        '-days',
        '3650',
        '-extensions',
        'v3_ca',
        '-config',
        'ca.cnf',
        '-out',
        `${name}.pem`,
      ],
      dir,
    );
  };
  writeFileSync(join(dir, 'ca.cnf'), `[req]\ndistinguished_name=dn\n[dn]\n${EXT}`);
  ca('ca', 'Roomcheck Test CA');
  ca('other-ca', 'Some Other CA');
  const leaf = (name: string, keyArgs: string[], cn: string) => {
    openssl(
      [
        'req',
        '-new',
        ...keyArgs,
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-subj',
        `/CN=${cn}/O=Roomcheck Tests`,
        '-out',
        `${name}.csr`,
      ],
      dir,
    );
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '365',
        '-extfile',
        'ext.cnf',
        '-extensions',
        'v3_leaf',
        '-out',
        `${name}.pem`,
      ],
      dir,
    );
    openssl(
      [
        'pkcs12',
        '-export',
        '-inkey',
        `${name}.key`,
        '-in',
        `${name}.pem`,
        '-certfile',
        'ca.pem',
        '-passout',
        `pass:${P12_PASSPHRASE}`,
        '-out',
        `${name}.p12`,
      ],
      dir,
    );
    openssl(
      [
        'pkcs12',
        '-export',
        '-legacy',
        '-inkey',
        `${name}.key`,
        '-in',
        `${name}.pem`,
        '-certfile',
        'ca.pem',
        '-passout',
        `pass:${P12_PASSPHRASE}`,
        '-out',
        `${name}-legacy.p12`,
      ],
      dir,
    );
    const pem = readFileSync(join(dir, `${name}.pem`), 'utf8');
    return {
      privateKey: createPrivateKey(readFileSync(join(dir, `${name}.key`))),
      certificate: new Uint8Array(new X509Certificate(pem).raw),
      chain: [new Uint8Array(new X509Certificate(readFileSync(join(dir, 'ca.pem'))).raw)],
      p12: join(dir, `${name}.p12`),
      p12Legacy: join(dir, `${name}-legacy.p12`),
      pem,
    };
  };
  const rsa = leaf('rsa', ['-newkey', 'rsa:2048'], 'Inspector RSA');
  const ec = leaf('ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], 'Inspector EC');
  const nssDir = join(dir, 'nss');
  mkdirSync(nssDir);
  try {
    execFileSync('certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password'], {
      stdio: 'ignore',
    });
    execFileSync(
      'certutil',
      ['-A', '-d', `sql:${nssDir}`, '-n', 'ca', '-t', 'CT,C,C', '-i', join(dir, 'ca.pem')],
      { stdio: 'ignore' },
    );
  } catch {
    // certutil missing: tests that need the NSS store skip with a printed reason.
  }
  let serial = 0;
  cached = {
    dir,
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    caPath: join(dir, 'ca.pem'),
    otherCaPem: readFileSync(join(dir, 'other-ca.pem'), 'utf8'),
    nssDir,
    rsa,
    ec,
    signCsr(csrPem: string) {
      const name = `csr-${serial++}`;
      writeFileSync(join(dir, `${name}.csr`), csrPem);
      openssl(
        [
          'x509',
          '-req',
          '-in',
          `${name}.csr`,
          '-CA',
          'ca.pem',
          '-CAkey',
          'ca.key',
          '-CAcreateserial',
          '-days',
          '30',
          '-extfile',
          'ext.cnf',
          '-extensions',
          'v3_leaf',
          '-out',
          `${name}.pem`,
        ],
        dir,
      );
      return readFileSync(join(dir, `${name}.pem`), 'utf8');
    },
  };
  return cached;
}
