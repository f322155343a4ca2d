import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { KeyProtectionError, type KeyProtector, type ProtectedKey } from './key-protector.ts';
import { WrongPassphraseError } from './unlock-attempts.ts';

// scrypt (N=2^15, r=8, p=1: ~0.1 s and 32 MiB here) stretches the passphrase into an AES-256
// key; GCM authenticates the envelope and, through the additional data, the identity it
// belongs to. A wrong passphrase fails the tag check: nothing about the key leaks.

export const MIN_PASSPHRASE_LENGTH = 8;
const PARAMS = { n: 1 << 15, r: 8, p: 1 } as const;

function deriveKey(
  passphrase: string,
  salt: Buffer,
  n: number,
  r: number,
  p: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

const aad = (context: string) => Buffer.from(`roomcheck-identity-key-v1:${context}`, 'utf8');

export function passphraseProtector(passphrase: string): KeyProtector {
  return {
    kind: 'passphrase',
    async protect(pkcs8, context) {
      if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
        throw new KeyProtectionError(
          `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`,
        );
      }
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const key = await deriveKey(passphrase, salt, PARAMS.n, PARAMS.r, PARAMS.p);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad(context));
      const data = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
      return {
        scheme: 'scrypt-aes-256-gcm',
        ...PARAMS,
        salt: salt.toString('base64'),
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      };
    },
    async unprotect(envelope: ProtectedKey, context) {
      if (envelope.scheme !== 'scrypt-aes-256-gcm') {
        throw new KeyProtectionError(
          'This key is protected by the operating system, not by a passphrase.',
        );
      }
      const key = await deriveKey(
        passphrase,
        Buffer.from(envelope.salt, 'base64'),
        envelope.n,
        envelope.r,
        envelope.p,
      );
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
        decipher.setAAD(aad(context));
        decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
        return new Uint8Array(
          Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]),
        );
      } catch {
        throw new WrongPassphraseError();
      }
    },
  };
}
