import { z } from 'zod';

// The value types every record is built of. They live apart from the record schemas so that the
// device field table (device-fields.ts), from which the device schema is derived, can use them
// without importing the schemas it feeds.

export const Id = z.string().min(1).max(128);
/** Calendar date as the inspector means it, without a time zone: YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date as YYYY-MM-DD');
/** A moment, always UTC ISO 8601 as produced by Date.prototype.toISOString. */
export const Timestamp = z.iso.datetime();
export const Text = (max = 2000) => z.string().max(max);
export const OptionalDate = IsoDate.nullable();
