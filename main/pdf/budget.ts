// One budget for all the work done on one file: objects parsed, bytes decoded from streams,
// cross-reference sections and entries read, and wall time. Every reader in main/pdf and
// main/verify spends from the same budget, so a hostile file cannot multiply its cost by
// spreading it over many revisions, sections or streams. When a limit is passed the work stops
// with BudgetExceeded, which the verifier turns into "the file exceeds the verification budget".

export type BudgetLimits = {
  /** Indirect objects parsed (cache hits are free). */
  objects: number;
  /** Bytes produced by stream filters (FlateDecode and friends), all streams together. */
  decodedBytes: number;
  /** Cross-reference sections (tables and streams) read. */
  sections: number;
  /** Cross-reference entries read, all sections together. */
  xrefEntries: number;
  /** Wall time in milliseconds. */
  timeMs: number;
};

export type BudgetResource = keyof BudgetLimits;
export type BudgetUsage = Record<Exclude<BudgetResource, 'timeMs'>, number> & { timeMs: number };

/**
 * Far above any real report (a 2,000-device audit with photos: ~900 objects, ~15 MB decoded,
 * one or two sections) and low enough that a file stopping at every limit stays within the
 * worker's memory limit.
 */
export const DEFAULT_LIMITS: Readonly<BudgetLimits> = {
  objects: 300_000,
  decodedBytes: 192 * 1024 * 1024,
  sections: 10_000,
  xrefEntries: 500_000,
  timeMs: 20_000,
};

export class BudgetExceeded extends Error {
  constructor(readonly resource: BudgetResource) {
    super(`The file exceeds the verification budget (${resource}).`);
    this.name = 'BudgetExceeded';
  }
}

export class WorkBudget {
  readonly limits: Readonly<BudgetLimits>;
  private readonly started = Date.now();
  private readonly used = { objects: 0, decodedBytes: 0, sections: 0, xrefEntries: 0 };

  constructor(limits: Partial<BudgetLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Spends `n` of a resource; throws BudgetExceeded when that passes its limit. */
  spend(resource: Exclude<BudgetResource, 'timeMs'>, n = 1): void {
    // Checked before spending: what was used never passes the limit, even when work stops.
    if (this.used[resource] + n > this.limits[resource]) throw new BudgetExceeded(resource);
    this.used[resource] += n;
    // Checking the clock on every object would cost more than the parsing; every 256th will do.
    if (resource !== 'objects' || (this.used.objects & 0xff) === 0) this.checkTime();
  }

  /** What is left of a resource (for sizing a single decode). */
  remaining(resource: Exclude<BudgetResource, 'timeMs'>): number {
    return Math.max(0, this.limits[resource] - this.used[resource]);
  }

  checkTime(): void {
    if (Date.now() - this.started > this.limits.timeMs) throw new BudgetExceeded('timeMs');
  }

  usage(): BudgetUsage {
    return { ...this.used, timeMs: Date.now() - this.started };
  }
}
