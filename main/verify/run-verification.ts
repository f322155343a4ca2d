import { Worker } from 'node:worker_threads';
import { verifyMessage } from '../../shared/verify/messages.ts';
import { DEFAULT_LIMITS } from '../pdf/budget.ts';
import { baseVerdict, type VerifyOptions, type VerifyResult } from './verify-pdf.ts';

// Verification off main's event loop, for the app (Electron main and the web mode's server run
// the same handler): one worker thread, reused for one file after another, with its heap capped
// and a deadline. A file that exhausts the worker's memory or time ends that worker (a new one
// starts for the next file); the caller gets the verdict "the file exceeds the verification
// budget" and the app keeps running.

export type WorkerLimits = {
  /** The worker's V8 old-generation heap, in MB. */
  maxOldGenerationSizeMb: number;
  /** Wall time for one file, after which the worker is ended. */
  timeMs: number;
};

export const DEFAULT_WORKER_LIMITS: WorkerLimits = {
  maxOldGenerationSizeMb: 384,
  timeMs: DEFAULT_LIMITS.timeMs + 5_000,
};

/** The worker script next to this module: the bundle's .cjs, or the TypeScript via tsx. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('./verify-worker-entry.mjs', here)
    : new URL('./verify-worker.cjs', here);
}

type Job = {
  id: number;
  resolve: (r: VerifyResult) => void;
  timer: NodeJS.Timeout;
  size: number;
};

function budgetVerdict(resource: string, fileSize: number): VerifyResult {
  return {
    verdict: baseVerdict(
      'indeterminate',
      'budget',
      verifyMessage('budget', { resource }),
      fileSize,
    ),
    snapshot: null,
  };
}

export class VerificationWorker {
  private worker: Worker | null = null;
  private current: Job | null = null;
  private readonly queue: (() => void)[] = [];
  private nextId = 1;

  constructor(private readonly limits: WorkerLimits = DEFAULT_WORKER_LIMITS) {}

  private start(): Worker {
    const w = new Worker(workerUrl(), {
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: 32,
      },
    });
    w.on('message', (m: { id: number; result: VerifyResult }) => {
      if (this.current?.id === m.id) this.finish(m.result);
    });
    w.on('error', (err: Error & { code?: string }) => {
      const resource = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'worker';
      this.fail(w, resource);
    });
    w.on('exit', () => this.fail(w, 'memory'));
    // The app may quit while the worker idles.
    w.unref();
    return w;
  }

  private fail(w: Worker, resource: string): void {
    if (this.worker !== w) return;
    this.worker = null;
    void w.terminate();
    if (this.current) this.finish(budgetVerdict(resource, this.current.size));
  }

  private finish(result: VerifyResult): void {
    const job = this.current;
    if (!job) return;
    clearTimeout(job.timer);
    this.current = null;
    job.resolve(result);
    this.queue.shift()?.();
  }

  /** Verifies one file in the worker. Never throws. */
  verify(bytes: Uint8Array, options: VerifyOptions): Promise<VerifyResult> {
    return new Promise((resolve) => {
      const run = () => {
        const worker = (this.worker ??= this.start());
        worker.ref();
        const id = this.nextId++;
        const timer = setTimeout(() => this.fail(worker, 'timeMs'), this.limits.timeMs);
        this.current = {
          id,
          size: bytes.length,
          timer,
          resolve: (r) => {
            worker.unref();
            resolve(r);
          },
        };
        worker.postMessage({ id, bytes, options: portable(options) });
      };
      if (this.current) this.queue.push(run);
      else run();
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

/** Trust anchors cross the thread boundary as DER bytes (X509Certificate objects cannot). */
function portable(options: VerifyOptions): VerifyOptions {
  return {
    ...options,
    trustAnchors: options.trustAnchors.map((a) =>
      typeof a === 'string' || a instanceof Uint8Array ? a : new Uint8Array(a.raw),
    ),
  };
}

let shared: VerificationWorker | null = null;

/** The app's verification worker (created on first use). */
export function verifyInWorker(bytes: Uint8Array, options: VerifyOptions): Promise<VerifyResult> {
  shared ??= new VerificationWorker();
  return shared.verify(bytes, options);
}
