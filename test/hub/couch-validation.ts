import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { runInContext, createContext } from 'node:vm';

// validate_doc_update with Apache CouchDB 3.x semantics, for the stand-in hub. It replaces
// express-pouchdb's own validation (pouchdb-validation 4.2.0), which overwrites a replicated
// document's _revisions with the stored one's and so silently drops replicated edits, and
// which hands the function no _revisions, so a pinned revision could not be checked.
//
// From couch_db.erl / couch_query_servers.erl:
// - every write ends in bulkDocs; _local documents are never validated; design documents are
//   not run through the functions (only database admins may write them, pouchdb-security
//   checks that);
// - an interactive edit gets oldDoc = the revision its _rev names (null when it creates the
//   document); newDoc carries _rev and _revisions;
// - a replicated edit (new_edits=false): a revision already in the tree is accepted without
//   validation; otherwise oldDoc = the nearest stored ancestor on the new revision's own path,
//   or null when it starts a new branch;
// - {forbidden} answers 403, {unauthorized} 401, per document in _bulk_docs.

type Doc = Record<string, unknown> & { _id?: string; _rev?: string; _revisions?: Revisions };
type Revisions = { start: number; ids: string[] };
type UserCtx = { name: string | null; roles: string[] };
type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;
type Callback = (err: unknown, result?: unknown) => void;

/** The part of a PouchDB database this layer uses and wraps. */
export type WrappableDb = {
  name: string;
  get(id: string, options: object): Promise<Doc>;
  allDocs(options: object): Promise<{ rows: { id: string; doc?: Doc }[] }>;
  bulkDocs: (docs: unknown, options?: unknown, callback?: unknown) => Promise<unknown>;
} & Record<string, unknown>;

const callerContext = new AsyncLocalStorage<{ userCtx?: UserCtx; secObj?: unknown }>();
const ADMIN_PARTY: UserCtx = { name: null, roles: ['_admin'] };
const compiled = new Map<string, Validate>();

function compile(source: string): Validate {
  let fn = compiled.get(source);
  if (!fn) {
    // A fresh context with CouchDB's few helpers; no require, process or timers.
    const sandbox = createContext({ isArray: Array.isArray, toJSON: JSON.stringify, log() {} });
    fn = runInContext(`(${source})`, sandbox, { timeout: 1000 }) as Validate;
    compiled.set(source, fn);
  }
  return fn;
}

async function validators(db: WrappableDb): Promise<Validate[]> {
  const res = await db.allDocs({ startkey: '_design/', endkey: '_design0', include_docs: true });
  return res.rows
    .map((r) => r.doc?.validate_doc_update)
    .filter((s): s is string => typeof s === 'string')
    .map(compile);
}

async function revision(db: WrappableDb, id: string, rev: string): Promise<Doc | null> {
  try {
    return await db.get(id, { rev, revs: true });
  } catch {
    return null;
  }
}

const revisionsOf = (rev: string): Revisions => {
  const dash = rev.indexOf('-');
  return { start: Number(rev.slice(0, dash)), ids: [rev.slice(dash + 1)] };
};

/** oldDoc as CouchDB picks it, or `skip` for a replicated revision the database already holds. */
async function oldDocFor(
  db: WrappableDb,
  doc: Doc,
  newEdits: boolean,
): Promise<{ skip: true } | { skip: false; old: Doc | null }> {
  const id = String(doc._id);
  if (!newEdits) {
    const revs = doc._revisions ?? (doc._rev ? revisionsOf(doc._rev) : null);
    if (!revs) return { skip: false, old: null };
    if (await revision(db, id, `${revs.start}-${revs.ids[0]}`)) return { skip: true };
    for (let i = 1; i < revs.ids.length; i++) {
      const old = await revision(db, id, `${revs.start - i}-${revs.ids[i]}`);
      if (old) return { skip: false, old };
    }
    return { skip: false, old: null };
  }
  return { skip: false, old: doc._rev ? await revision(db, id, doc._rev) : null };
}

const copy = <T>(value: T): T => (value == null ? value : (JSON.parse(JSON.stringify(value)) as T));

function refusal(status: number, name: string, reason: string, id: string) {
  return Object.assign(new Error(reason), { status, name, message: reason, error: true, id });
}

async function validateOne(
  db: WrappableDb,
  doc: Doc,
  options: { new_edits?: boolean; userCtx?: UserCtx; secObj?: unknown },
  functions: Validate[],
): Promise<void> {
  const id = String(doc._id);
  if (id.startsWith('_local/') || id.startsWith('_design/')) return;
  const newEdits = options.new_edits !== false;
  const found = await oldDocFor(db, doc, newEdits);
  if (found.skip) return;
  const stored = callerContext.getStore() ?? {};
  const userCtx = { db: db.name, ...(options.userCtx ?? stored.userCtx ?? ADMIN_PARTY) };
  const secObj = options.secObj ?? stored.secObj ?? {};
  const newDoc = copy(doc);
  if (newEdits && doc._rev && !newDoc._revisions) newDoc._revisions = revisionsOf(doc._rev);
  for (const validate of functions) {
    try {
      validate(newDoc, copy(found.old), copy(userCtx), copy(secObj));
    } catch (e) {
      const thrown = e as { forbidden?: unknown; unauthorized?: unknown; message?: unknown };
      if (thrown?.forbidden !== undefined)
        throw refusal(403, 'forbidden', String(thrown.forbidden), id);
      if (thrown?.unauthorized !== undefined)
        throw refusal(401, 'unauthorized', String(thrown.unauthorized), id);
      throw refusal(500, 'validation_error', String(thrown?.message ?? e), id);
    }
  }
}

/** Installs the validation on one database object (from an express-pouchdb database wrapper). */
export function installCouchValidation(db: WrappableDb): void {
  const bulkDocs = db.bulkDocs.bind(db) as (docs: unknown, options: object) => Promise<unknown[]>;
  db.bulkDocs = function (docs: unknown, rawOptions?: unknown, rawCallback?: unknown) {
    const callback = (typeof rawOptions === 'function' ? rawOptions : rawCallback) as
      Callback | undefined;
    const options = {
      ...(typeof rawOptions === 'object' && rawOptions ? rawOptions : {}),
    } as { new_edits?: boolean; userCtx?: UserCtx; secObj?: unknown };
    const body = docs as { docs?: Doc[]; new_edits?: boolean } | Doc[];
    if (!Array.isArray(body) && body && 'new_edits' in body) options.new_edits = body.new_edits;
    const list = (Array.isArray(body) ? body : (body?.docs ?? [])) as Doc[];
    const work = (async () => {
      // pouchdb-security keeps a database's security object in the local document
      // _local/_security: a request (anything with a user) must never write it directly, or a
      // member makes itself the database's admin.
      const caller = options.userCtx ?? callerContext.getStore()?.userCtx;
      if (caller && list.some((d) => d?._id === '_local/_security')) {
        throw refusal(403, 'forbidden', '_local/_security is reserved', '_local/_security');
      }
      const functions = await validators(db);
      if (!functions.length) return bulkDocs(list, options);
      // Answers in the order of the request, as CouchDB gives them.
      const answers: unknown[] = new Array(list.length);
      const accepted: { doc: Doc; at: number }[] = [];
      for (const [at, doc] of list.entries()) {
        if (!doc._id) doc._id = randomUUID();
        try {
          await validateOne(db, doc, options, functions);
          accepted.push({ doc, at });
        } catch (e) {
          answers[at] = e;
        }
      }
      const written = accepted.length
        ? await bulkDocs(
            accepted.map((a) => a.doc),
            options,
          )
        : [];
      // Replicated writes answer with their failures only (PouchDB and CouchDB alike).
      if (options.new_edits === false) return [...answers.filter(Boolean), ...written];
      accepted.forEach((a, i) => (answers[a.at] = written[i]));
      return answers;
    })();
    if (callback) work.then((r) => callback(null, r), callback);
    return work;
  };
  // These call bulkDocs without the caller's options: carry the caller in the async context.
  for (const name of ['put', 'post', 'remove', 'putAttachment', 'removeAttachment']) {
    const original = db[name] as (...args: unknown[]) => unknown;
    db[name] = function (this: unknown, ...args: unknown[]) {
      const options = (args.find((a) => typeof a === 'object' && a !== null && 'userCtx' in a) ??
        {}) as { userCtx?: UserCtx; secObj?: unknown };
      return callerContext.run({ userCtx: options.userCtx, secObj: options.secObj }, () =>
        original.apply(this, args),
      );
    };
  }
}
