import { KeyProtectionError, type KeyProtector } from './key-protector.ts';

// Electron safeStorage: the OS keychain (Keychain, DPAPI, libsecret/kwallet) encrypts the key.
// On Linux without a keyring Electron silently falls back to 'basic_text', a hard-coded key:
// that is not protection, so we refuse it and the user chooses a passphrase instead.

/** The part of Electron's safeStorage we use (injected so tests can mock it). */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?: () => string;
};

const PREFIX = 'roomcheck-identity-key-v1:';

function checkUsable(safeStorage: SafeStorageLike, platform: NodeJS.Platform): void {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new KeyProtectionError(
      'The operating system cannot protect keys here; use a passphrase instead.',
    );
  }
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') {
      throw new KeyProtectionError(
        'No system keyring is available, so the operating system would store the key unprotected; use a passphrase instead.',
      );
    }
  }
}

export function safeStorageProtector(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): KeyProtector {
  checkUsable(safeStorage, platform);
  return {
    kind: 'safeStorage',
    async protect(pkcs8, context) {
      checkUsable(safeStorage, platform);
      const payload = `${PREFIX}${context}:${Buffer.from(pkcs8).toString('base64')}`;
      return {
        scheme: 'electron-safe-storage',
        data: safeStorage.encryptString(payload).toString('base64'),
      };
    },
    async unprotect(envelope, context) {
      if (envelope.scheme !== 'electron-safe-storage') {
        throw new KeyProtectionError('This key is protected by a passphrase; enter it to sign.');
      }
      checkUsable(safeStorage, platform);
      let text: string;
      try {
        text = safeStorage.decryptString(Buffer.from(envelope.data, 'base64'));
      } catch {
        throw new KeyProtectionError('The operating system could not unlock this key.');
      }
      const head = `${PREFIX}${context}:`;
      if (!text.startsWith(head))
        throw new KeyProtectionError('The stored key belongs to another identity.');
      return new Uint8Array(Buffer.from(text.slice(head.length), 'base64'));
    },
  };
}
