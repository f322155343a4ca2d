import type { IncomingMessage } from 'node:http';

// Request bodies on the loopback bridge. Every body declares its length up front: a chunked
// body cannot be judged before it is read, and a chunk size like ffffffffffffffff would hold a
// connection open for as long as the server lets it. Bodies above SMALL_BODY_BYTES (backups,
// reports, PDFs) are taken one at a time: each costs several times its size in memory while it
// is parsed and handled, so four at once could take the process to gigabytes.

export const SMALL_BODY_BYTES = 1024 * 1024;

/** Large bodies handled at once, and how many more may wait their turn. */
export const LARGE_BODIES = { active: 1, waiting: 2 } as const;

/**
 * Reads the body (the HTTP parser stops it at the declared length). Memory follows the bytes
 * that actually arrive: a connection that declares a large body and sends nothing holds none.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A queue of one for large bodies: `enter` resolves with a release, or null when it is full. */
export class LargeBodyGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limits: { active: number; waiting: number } = LARGE_BODIES) {}

  async enter(abandoned: Promise<void>): Promise<(() => void) | null> {
    if (this.active >= this.limits.active) {
      if (this.queue.length >= this.limits.waiting) return null;
      let turn!: () => void;
      const myTurn = new Promise<void>((resolve) => (turn = resolve));
      this.queue.push(turn);
      const gaveUp = await Promise.race([myTurn.then(() => false), abandoned.then(() => true)]);
      if (gaveUp) {
        const at = this.queue.indexOf(turn);
        if (at !== -1) {
          this.queue.splice(at, 1);
          return null;
        }
        // The turn came at the same moment: hand it on at once.
        this.release()();
        return null;
      }
    } else {
      this.active++;
    }
    return this.release();
  }

  private release(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    };
  }
}
