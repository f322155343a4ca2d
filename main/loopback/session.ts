import { randomBytes, timingSafeEqual } from 'node:crypto';

// Who may drive web mode. The server listens on 127.0.0.1, which every account on this computer
// can reach, so being able to connect proves nothing. What proves the owner is a one-time launch
// secret that only the process that started the server knows and prints to its own terminal.
// Exchanged once, it becomes an HttpOnly, SameSite=Strict cookie that the page's script cannot
// read and other sites cannot make the browser send; the page itself never carries a secret.

const random = () => randomBytes(32).toString('base64url');

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The values of every cookie named `name` in a Cookie header. */
function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

export type Exchange = { ok: true; setCookie: string } | { ok: false; used: boolean };

export class LoopbackSession {
  /** Browsers do not keep cookies apart by port: a name of its own per launch avoids collisions. */
  readonly cookieName = `roomcheck_${randomBytes(6).toString('hex')}`;
  private readonly session = random();
  private secret: string | null = null;
  private readonly used = new Set<string>();

  /** A fresh one-time launch secret; an unused earlier one stops working. */
  mintSecret(): string {
    this.secret = random();
    return this.secret;
  }

  /** Trades the launch secret, once, for the session cookie. */
  exchange(given: string | null): Exchange {
    if (given && this.secret && sameSecret(given, this.secret)) {
      this.used.add(this.secret);
      this.secret = null;
      return {
        ok: true,
        setCookie: `${this.cookieName}=${this.session}; HttpOnly; SameSite=Strict; Path=/`,
      };
    }
    return { ok: false, used: given !== null && this.used.has(given) };
  }

  /** True when the Cookie header carries this launch's session. */
  admits(cookieHeader: string | undefined): boolean {
    return cookieValues(cookieHeader, this.cookieName).some((v) => sameSecret(v, this.session));
  }
}
