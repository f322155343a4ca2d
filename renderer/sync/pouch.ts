import PouchDB, { type Database } from 'pouchdb-core';
import idbAdapter from 'pouchdb-adapter-idb';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

// PouchDB as Roomcheck uses it: the core, IndexedDB storage for the local mirror, the HTTP
// adapter (whose requests go through main, see bridge-fetch.ts) and the replication protocol.
// Not pouchdb-browser: it bundles map/reduce, which evaluates strings and so needs
// 'unsafe-eval' in the CSP. pouchdb-core is one object per process and a plugin may be applied
// to it once only, so this module is the one place that applies them; Node tests add their
// in-memory adapter to the same object.

if (!Object.prototype.hasOwnProperty.call(PouchDB, 'replicate')) {
  PouchDB.plugin(idbAdapter).plugin(httpAdapter).plugin(replication);
}

export { PouchDB };
export type { Database };
