import { resolve } from 'node:path';

// One queue per file: a read-modify-write on a store file runs only after the previous one on
// the same file has finished, so two parallel calls cannot both read the old contents and the
// second write lose the first's change. Within this process only; main is the one process that
// writes these files while the app runs.

const tails = new Map<string, Promise<void>>();

/** Runs `work` after every earlier `inTurn` call with the same key has settled. */
export function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const result = previous.then(work);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return result;
}

/** Runs `work` after every earlier `serialized` call on the same file has settled. */
export const serialized = <T>(path: string, work: () => Promise<T>): Promise<T> =>
  inTurn(`file:${resolve(path)}`, work);
