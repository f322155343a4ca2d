import type { EnvelopeCrypto } from '../../../shared/exchange/encrypted-envelope.ts';

// The envelope's cryptography in the renderer: the browser's own WebCrypto, nothing bundled.

const buf = (bytes: Uint8Array) => bytes as BufferSource;

/** AES-256-GCM one way or the other; the tag (128 bits) follows the ciphertext. */
async function aesGcm(
  use: 'encrypt' | 'decrypt',
  key: Uint8Array,
  iv: Uint8Array,
  aad: Uint8Array,
  data: Uint8Array,
): Promise<Uint8Array> {
  const aesKey = await crypto.subtle.importKey('raw', buf(key), 'AES-GCM', false, [use]);
  const params = { name: 'AES-GCM', iv: buf(iv), additionalData: buf(aad), tagLength: 128 };
  return new Uint8Array(await crypto.subtle[use](params, aesKey, buf(data)));
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
  aesGcmEncrypt: (key, iv, aad, plaintext) => aesGcm('encrypt', key, iv, aad, plaintext),
  aesGcmDecrypt: (key, iv, aad, sealed) => aesGcm('decrypt', key, iv, aad, sealed),
};
