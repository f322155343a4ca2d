import { z } from 'zod';

// Private keys never leave main and never rest in plain text. A KeyProtector turns the PKCS#8
// bytes into a stored envelope and back. Two kinds: the operating system's keychain through
// Electron safeStorage (desktop app only), and a passphrase (the CLI, the loopback transport,
// and anywhere safeStorage would fall back to plain text).

export const ProtectedKeySchema = z.discriminatedUnion('scheme', [
  z.object({
    scheme: z.literal('scrypt-aes-256-gcm'),
    /** scrypt cost parameters, stored so they can be raised later without breaking old keys. */
    n: z
      .number()
      .int()
      .min(1024)
      .max(1 << 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string().max(64),
    iv: z.string().max(64),
    tag: z.string().max(64),
    data: z.string().max(100_000),
  }),
  z.object({ scheme: z.literal('electron-safe-storage'), data: z.string().max(200_000) }),
]);
export type ProtectedKey = z.infer<typeof ProtectedKeySchema>;
export type ProtectionKind = 'passphrase' | 'safeStorage';

export interface KeyProtector {
  readonly kind: ProtectionKind;
  /** `context` (the identity id) is bound to the envelope so envelopes cannot be swapped. */
  protect(pkcs8: Uint8Array, context: string): Promise<ProtectedKey>;
  unprotect(envelope: ProtectedKey, context: string): Promise<Uint8Array>;
}

/** A key cannot be unlocked or stored; the message is for the user. */
export class KeyProtectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyProtectionError';
  }
}

export function protectionKindOf(envelope: ProtectedKey): ProtectionKind {
  return envelope.scheme === 'electron-safe-storage' ? 'safeStorage' : 'passphrase';
}
