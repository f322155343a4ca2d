import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo, Socket } from 'node:net';
import { PouchDB } from '../../renderer/sync/pouch.ts';
import { installCouchValidation, type WrappableDb } from './couch-validation.ts';

// The tests' stand-in for Apache CouchDB 3.x: express-pouchdb (the server inside pouchdb-server
// 4.2.0) on PouchDB 9 with in-memory databases, in this process, on 127.0.0.1 and a port the
// system picks, over HTTPS when given a certificate. It writes no file and reaches nothing.
// pouchdb-server itself is not used: it starts listening when required, takes its options from
// process.argv and needs a native sqlite3 build.
//
// Stock express-pouchdb is looser than CouchDB in four ways that matter here; the stand-in
// closes each (test/unit/renderer/sync/test-hub.test.ts shows every one):
// 1. a non-admin PUT /{db} crashes the whole server process (TypeError in routes/db.js):
//    only server admins create databases;
// 2. a user may give themselves any role through their own _users document: users are
//    written by server admins only (the organisation provisions them);
// 3. a database member may rewrite _local/_security, where the security object lives, and so
//    become the database's admin: refused;
// 4. with any validate_doc_update installed, replicated edits are answered 201 and dropped:
//    validation is replaced by couch-validation.ts (CouchDB 3.x semantics).
// It stays stricter than stock and no looser than CouchDB 3.x. Non-members get 401 where
// CouchDB says 403; tests accept either.

const require = createRequire(import.meta.url);

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
type ExpressApp = ((req: IncomingMessage, res: ServerResponse) => void) & {
  use(path: string | Middleware, handler?: Middleware): void;
  all(path: RegExp, handler: Middleware): void;
  put(path: RegExp, handler: Middleware): void;
};
type PouchApp = Middleware & {
  couchConfig: {
    set(section: string, key: string, value: string, done: (e?: unknown) => void): void;
  };
  dbWrapper: {
    registerWrapper(wrap: (name: string, db: WrappableDb, next: () => unknown) => unknown): void;
  };
  setPouchDB(constructor: unknown): Promise<void>;
};
type MemoryPouch = typeof PouchDB & { allDbs?: () => Promise<string[]> };

let pluginsApplied = false;
/** The stand-in needs PouchDB's in-memory adapter and map/reduce (its view routes); once per process. */
function serverPouch(): typeof PouchDB {
  if (!pluginsApplied) {
    PouchDB.plugin(require('pouchdb-adapter-memory'));
    if (!('query' in PouchDB.prototype)) {
      PouchDB.plugin(require('pouchdb-mapreduce'));
    }
    pluginsApplied = true;
  }
  return PouchDB;
}

export type TestHub = {
  /** The hub's origin, e.g. https://127.0.0.1:41234 */
  url: string;
  admin: { name: string; password: string };
  /** Requests the hub has answered (a test can show that nothing reached it). */
  requests: () => number;
  stop: () => Promise<void>;
};

export type TestHubOptions = {
  /** PEM key and certificate for HTTPS; plain HTTP without. */
  tls?: { key: string; cert: string };
};

const ADMIN = { name: 'admin', password: 'stand-in-admin-passphrase' };
let hubCount = 0;

export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const express = require('express') as () => ExpressApp;
  const expressPouchDb = require('express-pouchdb') as (options: object) => PouchApp;
  // Every hub in a process gets its own store prefix, so two hubs never share a database.
  const Memory = serverPouch().defaults({
    adapter: 'memory',
    prefix: `hub${process.pid}-${++hubCount}-`,
  }) as MemoryPouch;
  const pouchApp = expressPouchDb({
    inMemoryConfig: true,
    logPath: '/dev/null',
    mode: 'fullCouchDB',
    // No server-side replicator (a second hub in one process fails with "Replicator already
    // active"), and CouchDB-semantics validation instead of pouchdb-validation.
    overrideMode: { exclude: ['replicator', 'routes/replicate', 'validation'] },
  });
  pouchApp.dbWrapper.registerWrapper((name, db, next) => {
    if (name !== '_users') installCouchValidation(db);
    return next();
  });
  await new Promise<void>((resolve, reject) =>
    pouchApp.couchConfig.set('admins', ADMIN.name, ADMIN.password, (e) =>
      e ? reject(e as Error) : resolve(),
    ),
  );
  await new Promise<void>((resolve) =>
    pouchApp.couchConfig.set('log', 'level', 'none', () => resolve()),
  );
  await pouchApp.setPouchDB(Memory);

  const isServerAdmin = (req: IncomingMessage): boolean => {
    const match = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1]) return false;
    const text = Buffer.from(match[1], 'base64').toString('utf8');
    return text === `${ADMIN.name}:${ADMIN.password}`;
  };
  const deny: Middleware = (req, res) => {
    const known = req.headers.authorization !== undefined;
    res.statusCode = known ? 403 : 401;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        error: known ? 'forbidden' : 'unauthorized',
        reason: 'You are not a server admin.',
      }),
    );
  };
  let answered = 0;
  const app = express();
  app.use((_req, _res, next) => {
    answered++;
    next();
  });
  // Guard 1: only server admins create databases.
  app.put(/^\/[^/_][^/]*\/?$/, (req, res, next) =>
    isServerAdmin(req) ? next() : deny(req, res, next),
  );
  // Guard 2: only server admins write users (no self-service roles).
  app.use('/_users', (req, res, next) =>
    req.method === 'GET' || req.method === 'HEAD' || isServerAdmin(req)
      ? next()
      : deny(req, res, next),
  );
  // Guard 3: the security object's local document is nobody's to write over HTTP.
  app.all(/^\/[^/]+\/_local\/_security\/?$/, (_req, res) => {
    res.statusCode = 403;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ error: 'forbidden', reason: '_local/_security is reserved' }));
  });
  app.use(pouchApp);

  const server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, app)
    : createHttpServer(app);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    admin: { ...ADMIN },
    requests: () => answered,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      const names = (await Memory.allDbs?.().catch(() => [])) ?? [];
      await Promise.all(
        names.map((name) =>
          new Memory(name)
            .destroy()
            .then(() => undefined)
            .catch(() => undefined),
        ),
      );
    },
  };
}
