import type { EnvelopeCrypto } from '../../../shared/exchange/encrypted-envelope.ts';

// The envelope's cryptography in the renderer: the browser's own WebCrypto, nothing bundled.

const buf = (bytes: Uint8Array) => bytes as BufferSource;

async function aesKey(key: Uint8Array, use: 'encrypt' | 'decrypt') {
  return crypto.subtle.importKey('raw', buf(key), 'AES-GCM', false, [use]);
}

export const webEnvelopeCrypto: EnvelopeCrypto = {
  randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
  async pbkdf2Sha256(passphrase, salt, iterations, length) {
    const base = await crypto.subtle.importKey(
      'raw',
      buf(new TextEncoder().encode(passphrase)),
      'PBKDF2',
      false,
      ['deriveBits'],
    );
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations },
      base,
      length * 8,
    );
    return new Uint8Array(bits);
  },
  sha256: async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', buf(bytes))),
  async aesGcmEncrypt(key, iv, aad, plaintext) {
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: buf(iv), additionalData: buf(aad), tagLength: 128 },
      await aesKey(key, 'encrypt'),
      buf(plaintext),
    );
    return new Uint8Array(sealed);
  },
  async aesGcmDecrypt(key, iv, aad, sealed) {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: buf(iv), additionalData: buf(aad), tagLength: 128 },
      await aesKey(key, 'decrypt'),
      buf(sealed),
    );
    return new Uint8Array(plain);
  },
};
