import { inTurn } from '../storage/file-queue.ts';
import { KeyProtectionError } from './key-protector.ts';

// Every place main tries a passphrase (a stored key for signing and countersigning, a PKCS#12
// file being imported) answers a wrong one with the same error, and tries on one key slow down
// with each failure: three free tries for typing mistakes, then 1 s, 2 s, 4 s ... up to five
// minutes between tries. Tries on one key run one at a time, so parallel guesses cannot all slip
// in before the first failure is counted; during a wait nothing is tried, not even the right
// passphrase, so the answer says nothing about the guess. A success forgets the count.

const FREE_TRIES = 3;
const MAX_DELAY_MS = 5 * 60_000;

/** The one answer to a wrong passphrase, wherever it was tried. */
export class WrongPassphraseError extends KeyProtectionError {
  constructor() {
    super('The passphrase is wrong, or the key it protects was altered.');
    this.name = 'WrongPassphraseError';
  }
}

/** Refused without trying: the key's wait after earlier wrong passphrases is not over. */
export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many wrong passphrases for this key: wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'} before trying again.`,
    );
    this.name = 'TooManyAttemptsError';
  }
}

/** The wait before the next try after `failures` wrong passphrases in a row. */
export function unlockDelayMs(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_TRIES), MAX_DELAY_MS);
}

export class PassphraseAttempts {
  private readonly counts = new Map<string, { failures: number; notBefore: number }>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Runs `trial` for the key `key` unless its wait is running; counts a WrongPassphraseError. */
  attempt<T>(key: string, trial: () => Promise<T>): Promise<T> {
    return inTurn(`passphrase:${key}`, async () => {
      const count = this.counts.get(key);
      const wait = count ? count.notBefore - this.now() : 0;
      if (wait > 0) throw new TooManyAttemptsError(Math.ceil(wait / 1000));
      try {
        const result = await trial();
        this.counts.delete(key);
        return result;
      } catch (err) {
        if (err instanceof WrongPassphraseError) {
          const failures = (count?.failures ?? 0) + 1;
          this.counts.set(key, { failures, notBefore: this.now() + unlockDelayMs(failures) });
        }
        throw err;
      }
    });
  }
}

/** This process's count of wrong passphrases, per key. */
export const passphraseAttempts = new PassphraseAttempts();
