import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// An organisation CA and a hub certificate for 127.0.0.1, made by openssl (not by our own code,
// so the TLS path is tested against certificates another tool wrote). One set per process.

export type TestTls = { caPem: string; key: string; cert: string; otherCaPem: string };

let made: TestTls | null = null;

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function makeCa(dir: string, name: string): void {
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-days',
    '3',
    '-subj',
    `/O=Roomcheck tests/CN=${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
}

export function testTls(): TestTls {
  if (made) return made;
  const dir = mkdtempSync(join(tmpdir(), 'roomcheck-hub-tls-'));
  try {
    makeCa(dir, 'organisation-ca');
    makeCa(dir, 'other-ca');
    openssl(dir, [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'hub.key',
      '-out',
      'hub.csr',
      '-subj',
      '/CN=127.0.0.1',
    ]);
    writeFileSync(
      join(dir, 'ext.cnf'),
      'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n',
    );
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      'hub.csr',
      '-CA',
      'organisation-ca.pem',
      '-CAkey',
      'organisation-ca.key',
      '-CAcreateserial',
      '-out',
      'hub.pem',
      '-days',
      '3',
      '-extfile',
      'ext.cnf',
    ]);
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    made = {
      caPem: read('organisation-ca.pem'),
      otherCaPem: read('other-ca.pem'),
      key: read('hub.key'),
      cert: read('hub.pem'),
    };
    return made;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
