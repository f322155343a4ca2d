import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEnvelopeCrypto } from '../../../../main/crypto/envelope-crypto.ts';
import { webEnvelopeCrypto } from '../../../../renderer/features/exchange/envelope-crypto.ts';
import { sha256Hex } from '../../../../renderer/features/exchange/file-info.ts';
import { parseAuditBundle } from '../../../../shared/exchange/audit-bundle.ts';
import { parseBackup } from '../../../../shared/exchange/backup.ts';
import {
  decryptEnvelope,
  encryptEnvelope,
  MAX_ITERATIONS,
  readEnvelope,
  type EnvelopeCrypto,
} from '../../../../shared/exchange/encrypted-envelope.ts';
import { formatImportMessage, ImportError } from '../../../../shared/import/messages.ts';

// The passphrase envelope around audit exports and backups: both implementations (node:crypto
// in main, WebCrypto in the renderer) read each other's files and the committed golden files;
// a wrong passphrase, a changed byte or a changed header is refused with one sentence.

const GOLDEN = join(import.meta.dirname, '../../../fixtures/golden');
const PASS = 'correct horse battery staple 2026';
const golden = (name: string) => readFileSync(join(GOLDEN, name), 'utf8');
const BUNDLE = golden('v1/audit-bundle.json');
const BACKUP = golden('v1/backup.json');
// A light work factor where the test is not about it: the format records it per file.
const FAST = { iterations: 100_000 };

async function refusal(work: Promise<unknown>): Promise<{ code: string; en: string; zh: string }> {
  try {
    await work;
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    return {
      code: err.detail.code,
      en: formatImportMessage(err.detail, 'en'),
      zh: formatImportMessage(err.detail, 'zh'),
    };
  }
  throw new Error('expected a refusal');
}

const impls: [string, EnvelopeCrypto][] = [
  ['node:crypto', nodeEnvelopeCrypto],
  ['WebCrypto', webEnvelopeCrypto],
];

describe('encrypted envelope', () => {
  it('golden files (encrypted-v1) open with the passphrase in both implementations and read as their formats', async () => {
    for (const [, impl] of impls) {
      const bundle = await decryptEnvelope(
        readEnvelope(golden('encrypted-v1/audit-bundle.encrypted.json')),
        PASS,
        impl,
      );
      expect(bundle).toBe(BUNDLE);
      expect((await parseAuditBundle(bundle, { sha256: sha256Hex })).snapshot.site.name).toBe(
        'HQ 总部',
      );
      const backup = await decryptEnvelope(
        readEnvelope(golden('encrypted-v1/backup.encrypted.json')),
        PASS,
        impl,
      );
      expect(backup).toBe(BACKUP);
      expect((await parseBackup(backup, { sha256: sha256Hex })).format).toBe('roomcheck.backup');
    }
  });

  it('what one implementation writes the other reads; the work factor written is 600,000', async () => {
    for (const [, writer] of impls)
      for (const [, reader] of impls) {
        const text = await encryptEnvelope(BUNDLE, PASS, writer);
        const envelope = readEnvelope(text);
        expect(envelope.kdf.iterations).toBe(600_000);
        expect(envelope.contains).toBe('roomcheck.audit-bundle');
        expect(text).not.toContain('总部');
        expect(text).not.toContain('roomcheck.audit-bundle","formatVersion');
        expect(await decryptEnvelope(envelope, PASS, reader)).toBe(BUNDLE);
      }
  });

  it('a file encrypted twice differs (fresh salt and nonce)', async () => {
    const a = readEnvelope(await encryptEnvelope(BACKUP, PASS, nodeEnvelopeCrypto, FAST));
    const b = readEnvelope(await encryptEnvelope(BACKUP, PASS, nodeEnvelopeCrypto, FAST));
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('a wrong passphrase is told in one sentence in each language', async () => {
    const envelope = readEnvelope(await encryptEnvelope(BACKUP, PASS, nodeEnvelopeCrypto, FAST));
    const r = await refusal(decryptEnvelope(envelope, `${PASS}!`, webEnvelopeCrypto));
    expect(r).toEqual({
      code: 'wrong_passphrase',
      en: 'The passphrase does not open this file; nothing was changed.',
      zh: '该口令无法打开此文件；未做任何更改。',
    });
  });

  it('a changed byte of data, a cut file or a changed header is damage, not a wrong passphrase', async () => {
    const text = await encryptEnvelope(BUNDLE, PASS, nodeEnvelopeCrypto, FAST);
    const env = JSON.parse(text) as Record<string, unknown> & { ciphertext: string };
    const flip = env.ciphertext[100] === 'A' ? 'B' : 'A';
    const changed = {
      ...env,
      ciphertext: env.ciphertext.slice(0, 100) + flip + env.ciphertext.slice(101),
    };
    const cut = { ...env, ciphertext: env.ciphertext.slice(0, 24) };
    const relabelled = { ...env, contains: 'roomcheck.backup' };
    for (const bad of [changed, cut, relabelled]) {
      const r = await refusal(
        decryptEnvelope(readEnvelope(JSON.stringify(bad)), PASS, nodeEnvelopeCrypto),
      );
      expect(r.code).toBe('envelope_damaged');
      expect(r.en).toBe(
        'This encrypted file is damaged or was changed after it was encrypted; nothing was changed.',
      );
    }
  });

  it('hostile headers are refused before any work: a huge work factor, a weak one, odd sizes, extra fields', async () => {
    const env = JSON.parse(await encryptEnvelope(BUNDLE, PASS, nodeEnvelopeCrypto, FAST)) as Record<
      string,
      Record<string, unknown>
    >;
    const variants = [
      { ...env, kdf: { ...env.kdf, iterations: MAX_ITERATIONS * 100 } },
      { ...env, kdf: { ...env.kdf, iterations: 1 } },
      { ...env, kdf: { ...env.kdf, salt: 'AAAA' } },
      { ...env, cipher: { ...env.cipher, iv: 'A'.repeat(10_000) } },
      { ...env, cipher: { ...env.cipher, name: 'AES-128-CBC' } },
      { ...env, extra: 1 },
    ];
    const started = performance.now();
    for (const v of variants) {
      expect(() => readEnvelope(JSON.stringify(v))).toThrow(ImportError);
      try {
        readEnvelope(JSON.stringify(v));
      } catch (err) {
        expect((err as ImportError).detail.code).toBe('envelope_damaged');
      }
    }
    // Refused from the header alone: no key derivation ran.
    expect(performance.now() - started).toBeLessThan(2_000);
    const newer = { ...env, formatVersion: 2 };
    expect(() => readEnvelope(JSON.stringify(newer))).toThrow(/format version 2/);
  });

  it('encrypts only exports and backups, and only with a passphrase of at least 10 characters', async () => {
    await expect(
      encryptEnvelope('{"format":"roomcheck.template"}', PASS, nodeEnvelopeCrypto),
    ).rejects.toThrow(/Only/);
    const r = await refusal(encryptEnvelope(BACKUP, 'short', nodeEnvelopeCrypto));
    expect(r.code).toBe('passphrase_too_short');
  });
});
