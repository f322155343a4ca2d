import type { z } from 'zod';
import { importError } from '../import/messages.ts';
import { describeZodError } from '../import/zod-message.ts';
import type { SnapshotEvidence } from '../snapshot/schema.ts';
import { decodeBase64 } from '../encoding/base64.ts';
import { parseStrictJson } from './json-scan.ts';

// What every Roomcheck JSON exchange file (audit export, backup) shares: a `format` name and a
// `formatVersion` checked before anything else, so a wrong or newer file gets a message about
// that rather than about its 400th field; strict JSON; schema validation with a bilingual
// reason and location; unique ids; and evidence bytes proved against their SHA-256.

/** SHA-256 of bytes as lower-case hex: WebCrypto in the renderer, node:crypto in main. */
export type Sha256 = (bytes: Uint8Array) => Promise<string>;

export type ExchangeKind = {
  format: string;
  /** The version this code writes. */
  formatVersion: number;
  /** Every version ever written, all of which this code reads (default: the current one). */
  readable?: readonly number[];
  name: string;
};

/** A file's text, or its value already read by `readStrictJson` (so it is not parsed twice). */
export type ExchangeInput = string | { readonly json: unknown };

/** Strict JSON of a file's text; a leading BOM (Notepad writes one) is skipped. */
export function readStrictJson(text: string): { readonly json: unknown } {
  return { json: parseStrictJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
}

/** The `format` a JSON value names, if it names one. */
export function formatOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const format = (value as { format?: unknown }).format;
  return typeof format === 'string' ? format : undefined;
}

/** Parses strictly and checks the header; returns the raw object for the schema to judge. */
export function readExchangeJson(
  input: ExchangeInput,
  kind: ExchangeKind,
): Record<string, unknown> {
  const value = typeof input === 'string' ? readStrictJson(input).json : input.json;
  const obj = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
  const format = obj && 'format' in obj ? (obj as { format: unknown }).format : undefined;
  if (format !== kind.format) {
    throw importError('wrong_format', {
      expected: kind.name,
      found: typeof format === 'string' ? format.slice(0, 80) : String(format),
    });
  }
  const version = (obj as { formatVersion?: unknown }).formatVersion;
  if (!(kind.readable ?? [kind.formatVersion]).includes(version as number)) {
    throw importError('wrong_version', {
      expected: kind.name,
      found: typeof version === 'number' ? version : String(version),
      supported: kind.formatVersion,
    });
  }
  return obj as Record<string, unknown>;
}

export function parseWithSchema<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw importError('invalid_content', describeZodError(parsed.error));
  return parsed.data;
}

export function requireUniqueIds(table: string, rows: readonly { id: string }[]): void {
  const seen = new Set<string>();
  for (const { id } of rows) {
    if (seen.has(id)) throw importError('duplicate_id', { id, table });
    seen.add(id);
  }
}

/** Decodes each evidence item's bytes and proves size and SHA-256; returns the bytes by id. */
export async function verifyEvidence(
  evidence: readonly Pick<SnapshotEvidence, 'id' | 'size' | 'sha256' | 'dataBase64'>[],
  sha256: Sha256,
): Promise<Map<string, Uint8Array>> {
  const bytesById = new Map<string, Uint8Array>();
  for (const item of evidence) {
    if (item.dataBase64 === null) throw importError('evidence_missing_bytes', { id: item.id });
    const bytes = decodeBase64(item.dataBase64);
    if (!bytes) throw importError('evidence_bad_base64', { id: item.id });
    if (bytes.length !== item.size) {
      throw importError('evidence_size_mismatch', {
        id: item.id,
        expected: item.size,
        actual: bytes.length,
      });
    }
    if ((await sha256(bytes)).toLowerCase() !== item.sha256) {
      throw importError('evidence_hash_mismatch', { id: item.id });
    }
    bytesById.set(item.id, bytes);
  }
  return bytesById;
}
