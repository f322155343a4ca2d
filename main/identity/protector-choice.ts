import type { ProtectionChoice } from '../../shared/bridge/signing-schemas.ts';
import { KeyProtectionError, type KeyProtector, type ProtectionKind } from './key-protector.ts';
import { passphraseProtector } from './passphrase-protector.ts';

// Which protector guards a key. safeStorage exists only inside the Electron app: its wiring
// registers a factory here at start-up. The loopback transport and the CLI never do, so they
// always use the passphrase path.

let safeStorageFactory: (() => Promise<KeyProtector>) | null = null;

/** Called by the Electron wiring once the app is ready. */
export function registerSafeStorage(factory: (() => Promise<KeyProtector>) | null): void {
  safeStorageFactory = factory;
}

export async function protectorFor(
  kind: ProtectionKind,
  passphrase: string | undefined,
  transport: 'ipc' | 'loopback' | 'cli',
): Promise<KeyProtector> {
  if (kind === 'passphrase') {
    if (!passphrase) throw new KeyProtectionError('Enter the passphrase that protects this key.');
    return passphraseProtector(passphrase);
  }
  if (transport !== 'ipc' || !safeStorageFactory) {
    throw new KeyProtectionError(
      'Key protection by the operating system is only available in the desktop app; use a passphrase.',
    );
  }
  return safeStorageFactory();
}

export function protectorForChoice(
  choice: ProtectionChoice,
  transport: 'ipc' | 'loopback' | 'cli',
): Promise<KeyProtector> {
  return protectorFor(
    choice.kind,
    choice.kind === 'passphrase' ? choice.passphrase : undefined,
    transport,
  );
}
