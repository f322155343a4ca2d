import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfState } from '../../../../../main/pdf/pdf-file.ts';
import { findSnapshotFileSpec } from '../../../../../main/report/embed-snapshot.ts';
import { asInt, dictGet, serialize, type PdfValue } from '../../../../../main/pdf/pdf-syntax.ts';
import { appendUpdate, indexOf } from '../../signing/support/forge.ts';

// What other people's tools do to a signed report, for tests (unit and end-to-end): a manager
// countersigns it with poppler's pdfsig from an NSS database, under their own organisation's
// CA; a timestamp authority (openssl ts, a test TSA under its own CA) adds an RFC 3161
// document timestamp. Both CAs are separate from the report's.

export type WorldPki = {
  dir: string;
  /** The manager's organisation CA and the TSA's CA (PEM): the extra trust anchors. */
  managerCaPem: string;
  tsaCaPem: string;
  managerCaPath: string;
  tsaCaPath: string;
  nssDir: string;
};

const EXT = `[req]
distinguished_name=dn
[dn]
[ca]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
[leaf]
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,nonRepudiation
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
[tsa]
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=critical,timeStamping
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
`;

const TSA_CONFIG = `[tsa]
default_tsa = test
[test]
dir = .
serial = ./tsa-serial
crypto_device = builtin
signer_cert = ./tsa.pem
certs = ./tsa-ca.pem
signer_key = ./tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

export function run(cwd: string, cmd: string, args: string[], input?: Uint8Array): Buffer {
  return execFileSync(cmd, args, { cwd, input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A self-signed CA, valid for a century (fixtures must outlive the tests that read them). */
export function opensslCa(dir: string, name: string, cn: string): void {
  writeFileSync(join(dir, 'ext.cnf'), EXT);
  run(dir, 'openssl', [
    'req',
    '-utf8',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-subj',
    `/CN=${cn}/O=Roomcheck Tests`,
    '-days',
    '36500',
    '-extensions',
    'ca',
    '-config',
    'ext.cnf',
    '-out',
    `${name}.pem`,
  ]);
}

/** A certificate `issuer` issues; `ext` is leaf (signing) or tsa (timestamping). */
export function opensslLeaf(
  dir: string,
  name: string,
  cn: string,
  keyArgs: string[],
  issuer: string,
  ext = 'leaf',
): void {
  writeFileSync(join(dir, 'ext.cnf'), EXT);
  run(dir, 'openssl', ['genpkey', ...keyArgs, '-out', `${name}.key`]);
  run(dir, 'openssl', [
    'req',
    '-utf8',
    '-new',
    '-key',
    `${name}.key`,
    '-subj',
    `/CN=${cn}/O=Roomcheck Tests`,
    '-config',
    'ext.cnf',
    '-out',
    `${name}.csr`,
  ]);
  run(dir, 'openssl', [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${issuer}.pem`,
    '-CAkey',
    `${issuer}.key`,
    '-CAcreateserial',
    '-days',
    '36500',
    '-extfile',
    'ext.cnf',
    '-extensions',
    ext,
    '-out',
    `${name}.pem`,
  ]);
}

export const RSA_KEY = ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];

/** A test timestamp authority `tsa` (tsa.pem, tsa.key) under `tsa-ca`, for openssl ts. */
export function opensslTsa(dir: string): void {
  opensslCa(dir, 'tsa-ca', 'Test TSA CA');
  opensslLeaf(dir, 'tsa', 'Test Time Stamping Authority', RSA_KEY, 'tsa-ca', 'tsa');
  writeFileSync(join(dir, 'tsa.cnf'), TSA_CONFIG);
  writeFileSync(join(dir, 'tsa-serial'), '01\n');
}

let cached: WorldPki | undefined;

export function worldPki(): WorldPki {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'rc-world-'));
  opensslCa(dir, 'manager-ca', 'Manager Org CA');
  opensslLeaf(dir, 'manager', 'Manager Li 李经理', RSA_KEY, 'manager-ca');
  opensslTsa(dir);
  run(dir, 'openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    'manager.key',
    '-in',
    'manager.pem',
    '-certfile',
    'manager-ca.pem',
    '-name',
    'manager',
    '-passout',
    'pass:world',
    '-out',
    'manager.p12',
  ]);
  const nssDir = join(dir, 'nss');
  mkdirSync(nssDir);
  run(dir, 'certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password']);
  run(dir, 'pk12util', ['-i', 'manager.p12', '-d', `sql:${nssDir}`, '-W', 'world']);
  cached = {
    dir,
    managerCaPem: readFileSync(join(dir, 'manager-ca.pem'), 'utf8'),
    tsaCaPem: readFileSync(join(dir, 'tsa-ca.pem'), 'utf8'),
    managerCaPath: join(dir, 'manager-ca.pem'),
    tsaCaPath: join(dir, 'tsa-ca.pem'),
    nssDir,
  };
  return cached;
}

let n = 0;
/** The manager countersigns with `pdfsig -add-signature` (NSS writes BER CMS). */
export function pdfsigCountersign(bytes: Uint8Array, pki = worldPki()): Uint8Array {
  const input = join(pki.dir, `in-${n}.pdf`);
  const output = join(pki.dir, `out-${n++}.pdf`);
  writeFileSync(input, bytes);
  run(pki.dir, 'pdfsig', [
    '-add-signature',
    '-nssdir',
    `sql:${pki.nssDir}`,
    '-nick',
    'manager',
    '-reason',
    'Approved',
    input,
    output,
  ]);
  return new Uint8Array(readFileSync(output));
}

/** An RFC 3161 token from the test TSA (openssl ts) over `data`. */
export function tsaToken(dir: string, data: Uint8Array): Buffer {
  writeFileSync(join(dir, 'ts-data.bin'), data);
  run(dir, 'openssl', [
    'ts',
    '-query',
    '-data',
    'ts-data.bin',
    '-sha256',
    '-cert',
    '-no_nonce',
    '-out',
    'q.tsq',
  ]);
  run(dir, 'openssl', [
    'ts',
    '-reply',
    '-queryfile',
    'q.tsq',
    '-config',
    'tsa.cnf',
    '-section',
    'test',
    '-token_out',
    '-out',
    'token.der',
  ]);
  return readFileSync(join(dir, 'token.der'));
}

const PLACEHOLDER = '/ByteRange [0 0000000000 0000000000 0000000000]';
const SPACE = 8000;

/** Fills the one placeholder after `from`: ByteRange written, then `sign` over the covered bytes. */
export function fillPlaceholder(
  bytes: Uint8Array,
  from: number,
  sign: (data: Buffer) => Uint8Array,
): Uint8Array {
  const out = Buffer.from(bytes);
  const at = indexOf(out, PLACEHOLDER, from);
  const open = indexOf(out, '/Contents <', at) + '/Contents '.length;
  const close = out.indexOf('>', open) + 1;
  const pad = (v: number) => String(v).padStart(10, '0');
  out.write(`/ByteRange [0 ${pad(open)} ${pad(close)} ${pad(out.length - close)}]`, at, 'latin1');
  const value = Buffer.from(sign(Buffer.concat([out.subarray(0, open), out.subarray(close)])));
  if (value.length > SPACE) throw new Error('The signature value does not fit.');
  out.write(value.toString('hex'), open + 1, 'latin1');
  return new Uint8Array(out);
}

/** A signature dictionary with placeholders, as text. */
export function placeholderDictionary(subFilter: string, type = 'Sig', extra = ''): string {
  const now = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `<</Type /${type} /Filter /Adobe.PPKLite /SubFilter /${subFilter} ${PLACEHOLDER} /Contents <${'0'.repeat(SPACE * 2)}> /M (D:${now}Z)${extra}>>`;
}

/**
 * Appends a document timestamp (ETSI.RFC3161) in a new invisible field on the first page, as a
 * PAdES-LTA tool does, with the token from `token`.
 */
export function appendDocumentTimestamp(
  bytes: Uint8Array,
  token: (data: Buffer) => Uint8Array,
): Uint8Array {
  const state = new PdfState(bytes);
  const next = Math.max(
    asInt(dictGet(state.trailer, 'Size')) ?? 0,
    ...[...state.entries.keys()].map((k) => k + 1),
  );
  const [tsNum, fieldNum] = [next, next + 1];
  const catalog = state.catalog;
  const acroRef = dictGet(catalog, 'AcroForm');
  const pageRef = (state.lookup(state.lookup(catalog, 'Pages'), 'Kids') as { items: PdfValue[] })
    .items[0]!;
  if (acroRef?.kind !== 'ref' || pageRef.kind !== 'ref')
    throw new Error('Unexpected document structure.');
  const withItem = (d: PdfValue | undefined, key: string, item: string) => {
    if (d?.kind !== 'dict') throw new Error('not a dictionary');
    const list = state.resolve(dictGet(d, key));
    const items = list?.kind === 'array' ? list.items.map(serialize).join(' ') : '';
    const rest = [...d.entries].filter(([k]) => k !== key).map(([k, v]) => `/${k} ${serialize(v)}`);
    return `<<${rest.join(' ')} /${key} [${items} ${item}]>>`;
  };
  const objects = [
    { num: tsNum, body: placeholderDictionary('ETSI.RFC3161', 'DocTimeStamp') },
    {
      num: fieldNum,
      body: `<</Type /Annot /Subtype /Widget /FT /Sig /T (Timestamp ${tsNum}) /Rect [0 0 0 0] /F 132 /P ${pageRef.num} 0 R /V ${tsNum} 0 R>>`,
    },
    { num: acroRef.num, body: withItem(state.resolve(acroRef), 'Fields', `${fieldNum} 0 R`) },
    { num: pageRef.num, body: withItem(state.resolve(pageRef), 'Annots', `${fieldNum} 0 R`) },
  ];
  return fillPlaceholder(appendUpdate(bytes, objects), bytes.length, token);
}

/** A document timestamp from the world's test TSA. */
export function tsaTimestamp(bytes: Uint8Array, pki = worldPki()): Uint8Array {
  return appendDocumentTimestamp(bytes, (data) => tsaToken(pki.dir, data));
}

/**
 * A later revision that replaces the report's embedded audit.json with `json`, as a forger
 * would: the signed bytes stay as they are, so every signature stays intact.
 */
export function replaceEmbeddedAudit(bytes: Uint8Array, json: string): Uint8Array {
  const state = new PdfState(bytes);
  const stream = dictGet(state.lookup(findSnapshotFileSpec(state), 'EF'), 'F');
  if (stream?.kind !== 'ref') throw new Error('The report has no embedded audit stream.');
  return appendUpdate(bytes, [
    {
      num: stream.num,
      body: `<</Type /EmbeddedFile /Subtype /application#2Fjson /Length ${Buffer.byteLength(json)}>>\nstream\n${json}\nendstream`,
    },
  ]);
}
