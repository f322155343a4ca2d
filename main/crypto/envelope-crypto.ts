import { createCipheriv, createDecipheriv, createHash, pbkdf2, randomBytes } from 'node:crypto';
import type { EnvelopeCrypto } from '../../shared/exchange/encrypted-envelope.ts';

// The envelope's cryptography in main and the CLI: node:crypto (OpenSSL). Writes and reads the
// same files as the renderer's WebCrypto version; tests hold the two against each other.

const TAG_BYTES = 16;

export const nodeEnvelopeCrypto: EnvelopeCrypto = {
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
  pbkdf2Sha256: (passphrase, salt, iterations, length) =>
    new Promise((resolve, reject) =>
      pbkdf2(passphrase, salt, iterations, length, 'sha256', (err, key) =>
        err ? reject(err) : resolve(new Uint8Array(key)),
      ),
    ),
  sha256: async (bytes) => new Uint8Array(createHash('sha256').update(bytes).digest()),
  async aesGcmEncrypt(key, iv, aad, plaintext) {
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return new Uint8Array(Buffer.concat([body, cipher.getAuthTag()]));
  },
  async aesGcmDecrypt(key, iv, aad, sealed) {
    if (sealed.length < TAG_BYTES) throw new Error('The ciphertext is shorter than its tag.');
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const body = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    return new Uint8Array(Buffer.concat([body, decipher.final()]));
  },
};
