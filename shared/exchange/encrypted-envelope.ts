import { z } from 'zod';
import { bytesToBase64, decodeBase64 } from '../encoding/base64.ts';
import { importError } from '../import/messages.ts';
import { formatOf, readExchangeJson, readStrictJson } from './exchange-file.ts';

// A passphrase-encrypted wrapper AROUND an existing exchange file (audit export, backup): the
// inner file is byte for byte what Roomcheck writes unencrypted, so its own format and version
// stay the one source of truth and readers are unchanged. Format, fields and the reasons for
// each choice: README.md in this folder. The cryptography itself is a small interface, given
// by WebCrypto in the renderer and node:crypto in main, so this module stays pure.

export const ENVELOPE_FORMAT = 'roomcheck.encrypted';
export const ENVELOPE_FORMAT_VERSION = 1;
/** What an envelope may hold: the formats that carry notes and photos. */
export const ENVELOPE_CONTENTS = ['roomcheck.backup', 'roomcheck.audit-bundle'] as const;
export type EnvelopeContents = (typeof ENVELOPE_CONTENTS)[number];

/** PBKDF2-HMAC-SHA-256 work factor written (OWASP's 2023 figure for SHA-256). */
export const PBKDF2_ITERATIONS = 600_000;
/** Work factors read: lower is refused as too weak, higher as a way to hang the reader. */
export const MIN_ITERATIONS = 100_000;
export const MAX_ITERATIONS = 5_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_BYTES = 16;
/** Derived: 32 bytes of AES-256 key, then 32 from which the passphrase check is hashed. */
const DERIVED_BYTES = 64;
/** Shortest passphrase accepted when encrypting. */
export const MIN_PASSPHRASE_LENGTH = 10;

export interface EnvelopeCrypto {
  randomBytes(length: number): Uint8Array;
  pbkdf2Sha256(
    passphrase: string,
    salt: Uint8Array,
    iterations: number,
    length: number,
  ): Promise<Uint8Array>;
  sha256(bytes: Uint8Array): Promise<Uint8Array>;
  /** AES-256-GCM; the result is ciphertext followed by the 16-byte tag. */
  aesGcmEncrypt(
    key: Uint8Array,
    iv: Uint8Array,
    aad: Uint8Array,
    plaintext: Uint8Array,
  ): Promise<Uint8Array>;
  /** Throws when the tag does not match (wrong key, or changed bytes). */
  aesGcmDecrypt(
    key: Uint8Array,
    iv: Uint8Array,
    aad: Uint8Array,
    sealed: Uint8Array,
  ): Promise<Uint8Array>;
}

const base64Of = (bytes: number) =>
  z
    .string()
    .max(Math.ceil(bytes / 3) * 4 + 4)
    .refine((s) => decodeBase64(s)?.length === bytes, `must be ${bytes} bytes of base64`);

const EnvelopeSchema = z
  .object({
    format: z.literal(ENVELOPE_FORMAT),
    formatVersion: z.literal(ENVELOPE_FORMAT_VERSION),
    contains: z.enum(ENVELOPE_CONTENTS),
    kdf: z
      .object({
        name: z.literal('PBKDF2-HMAC-SHA-256'),
        iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
        salt: base64Of(SALT_BYTES),
      })
      .strict(),
    cipher: z.object({ name: z.literal('AES-256-GCM'), iv: base64Of(IV_BYTES) }).strict(),
    passphraseCheck: base64Of(CHECK_BYTES),
    ciphertext: z.string().min(1),
  })
  .strict();
export type Envelope = z.infer<typeof EnvelopeSchema>;

const KIND = {
  format: ENVELOPE_FORMAT,
  formatVersion: ENVELOPE_FORMAT_VERSION,
  name: 'Roomcheck encrypted file',
};

/** Whether a parsed JSON value is an encrypted envelope (of any version). */
export const isEnvelope = (json: unknown): boolean => formatOf(json) === ENVELOPE_FORMAT;

/** Reads and checks an envelope's header; nothing is decrypted. */
export function readEnvelope(input: string | { readonly json: unknown }): Envelope {
  const raw = readExchangeJson(input, KIND);
  const parsed = EnvelopeSchema.safeParse(raw);
  if (!parsed.success) throw importError('envelope_damaged', {});
  return parsed.data;
}

/**
 * Everything but the ciphertext, as authenticated data: a header changed after encryption
 * (what it contains, the work factor, the nonce) fails the tag like a changed byte of data.
 */
function headerBytes(e: Omit<Envelope, 'ciphertext'>): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify([
      e.format,
      e.formatVersion,
      e.contains,
      e.kdf.name,
      e.kdf.iterations,
      e.kdf.salt,
      e.cipher.name,
      e.cipher.iv,
      e.passphraseCheck,
    ]),
  );
}

async function derive(
  crypto: EnvelopeCrypto,
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
) {
  const bits = await crypto.pbkdf2Sha256(
    passphrase.normalize('NFC'),
    salt,
    iterations,
    DERIVED_BYTES,
  );
  const check = (await crypto.sha256(bits.slice(32))).slice(0, CHECK_BYTES);
  return { key: bits.slice(0, 32), check };
}

/** Encrypts the text of an exchange file; returns the envelope's JSON text. */
export async function encryptEnvelope(
  text: string,
  passphrase: string,
  crypto: EnvelopeCrypto,
  options: { iterations?: number } = {},
): Promise<string> {
  const contains = formatOf(readStrictJson(text).json);
  if (!ENVELOPE_CONTENTS.includes(contains as EnvelopeContents))
    throw new Error(`Only ${ENVELOPE_CONTENTS.join(' and ')} files are encrypted.`);
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw importError('passphrase_too_short', { min: MIN_PASSPHRASE_LENGTH });
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const salt = crypto.randomBytes(SALT_BYTES);
  const iv = crypto.randomBytes(IV_BYTES);
  const { key, check } = await derive(crypto, passphrase, salt, iterations);
  const header: Omit<Envelope, 'ciphertext'> = {
    format: ENVELOPE_FORMAT,
    formatVersion: ENVELOPE_FORMAT_VERSION,
    contains: contains as EnvelopeContents,
    kdf: { name: 'PBKDF2-HMAC-SHA-256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-256-GCM', iv: bytesToBase64(iv) },
    passphraseCheck: bytesToBase64(check),
  };
  const sealed = await crypto.aesGcmEncrypt(
    key,
    iv,
    headerBytes(header),
    new TextEncoder().encode(text),
  );
  return JSON.stringify({ ...header, ciphertext: bytesToBase64(sealed) });
}

/**
 * The inner file's text. One sentence for each way it can fail, and nothing else happens: a
 * wrong passphrase (its check does not match) and a damaged or altered file (the tag fails,
 * or the inner text is not the format the header names) are told apart.
 */
export async function decryptEnvelope(
  envelope: Envelope,
  passphrase: string,
  crypto: EnvelopeCrypto,
): Promise<string> {
  const salt = decodeBase64(envelope.kdf.salt)!;
  const { key, check } = await derive(crypto, passphrase, salt, envelope.kdf.iterations);
  if (!sameBytes(check, decodeBase64(envelope.passphraseCheck)!))
    throw importError('wrong_passphrase', {});
  const sealed = decodeBase64(envelope.ciphertext);
  if (!sealed) throw importError('envelope_damaged', {});
  let plain: Uint8Array;
  try {
    plain = await crypto.aesGcmDecrypt(
      key,
      decodeBase64(envelope.cipher.iv)!,
      headerBytes(envelope),
      sealed,
    );
  } catch {
    throw importError('envelope_damaged', {});
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw importError('envelope_damaged', {});
  }
  if (formatOf(readStrictJson(text).json) !== envelope.contains)
    throw importError('envelope_damaged', {});
  return text;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
