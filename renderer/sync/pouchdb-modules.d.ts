// The part of PouchDB 9 that Roomcheck uses, typed here. DefinitelyTyped's @types/pouchdb-*
// (written for PouchDB 6/7) declare a global `Buffer` interface that breaks Node's own types in
// main/ and test/, so they are not used.

declare module 'pouchdb-core' {
  export type Revisions = { start: number; ids: string[] };

  export type Attachment = {
    content_type: string;
    /** base64 (attachments: true), a Blob (browser) or bytes (Node); absent in stubs. */
    data?: string | Blob | Uint8Array;
    digest?: string;
    length?: number;
    stub?: boolean;
    revpos?: number;
  };

  export type Doc = {
    _id: string;
    _rev?: string;
    _revisions?: Revisions;
    _deleted?: boolean;
    _conflicts?: string[];
    _attachments?: Record<string, Attachment>;
    [field: string]: unknown;
  };

  export type WriteResult = {
    ok?: boolean;
    id?: string;
    rev?: string;
    error?: boolean | string;
    status?: number;
    name?: string;
    message?: string;
    reason?: string;
  };

  export type ChangesResult = {
    results: {
      id: string;
      seq: number | string;
      changes: { rev: string }[];
      deleted?: boolean;
      doc?: Doc;
    }[];
    last_seq: number | string;
  };

  export type BulkGetResult = {
    results: {
      id: string;
      docs: ({ ok: Doc } | { error: { id: string; rev: string; error: string; reason: string } })[];
    }[];
  };

  export type ReplicationResult = {
    ok: boolean;
    status: string;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
    last_seq?: number | string;
  };

  export interface Replication extends PromiseLike<ReplicationResult> {
    cancel(): void;
    on(event: 'change', listener: (info: { docs_written: number; docs: Doc[] }) => void): this;
    on(
      event: 'denied',
      listener: (error: { id?: string; reason?: string; message?: string }) => void,
    ): this;
    on(event: 'error', listener: (error: unknown) => void): this;
    on(event: 'complete', listener: (info: ReplicationResult) => void): this;
    on(event: 'paused' | 'active', listener: (info?: unknown) => void): this;
    catch<T>(onRejected: (reason: unknown) => T): Promise<ReplicationResult | T>;
  }

  export type ReplicateOptions = {
    live?: boolean;
    retry?: boolean;
    batch_size?: number;
    batches_limit?: number;
    checkpoint?: 'source' | 'target' | false;
    filter?: (doc: Doc) => boolean;
    back_off_function?: (delay: number) => number;
  };

  export type DatabaseOptions = {
    adapter?: string;
    fetch?: (url: string, init?: RequestInit) => Promise<Response>;
    auth?: { username: string; password: string };
    skip_setup?: boolean;
    prefix?: string;
    revs_limit?: number;
    auto_compaction?: boolean;
  };

  export interface Database {
    readonly name: string;
    info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
    get(
      id: string,
      options?: {
        rev?: string;
        revs?: boolean;
        conflicts?: boolean;
        attachments?: boolean;
        binary?: boolean;
        revs_info?: boolean;
      },
    ): Promise<Doc>;
    get(
      id: string,
      options: { open_revs: 'all' | string[]; revs?: boolean; attachments?: boolean },
    ): Promise<({ ok: Doc } | { missing: string })[]>;
    put(doc: Doc, options?: { force?: boolean }): Promise<WriteResult>;
    bulkDocs(docs: Doc[], options?: { new_edits?: boolean }): Promise<WriteResult[]>;
    bulkGet(options: {
      docs: { id: string; rev?: string }[];
      revs?: boolean;
      attachments?: boolean;
      binary?: boolean;
    }): Promise<BulkGetResult>;
    allDocs(options?: {
      include_docs?: boolean;
      conflicts?: boolean;
      attachments?: boolean;
      binary?: boolean;
      startkey?: string;
      endkey?: string;
      keys?: string[];
      limit?: number;
    }): Promise<{
      total_rows: number;
      rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: Doc }[];
    }>;
    changes(options?: {
      since?: number | string;
      style?: 'all_docs' | 'main_only';
      include_docs?: boolean;
      conflicts?: boolean;
      limit?: number;
      return_docs?: boolean;
    }): Promise<ChangesResult>;
    getAttachment(id: string, name: string, options?: { rev?: string }): Promise<Blob | Uint8Array>;
    revsDiff(diff: Record<string, string[]>): Promise<Record<string, { missing: string[] }>>;
    close(): Promise<void>;
    destroy(): Promise<{ ok: boolean }>;
  }

  export interface PouchStatic {
    new (name: string, options?: DatabaseOptions): Database;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: DatabaseOptions): PouchStatic;
    replicate(source: Database, target: Database, options?: ReplicateOptions): Replication;
    readonly prototype: Database;
  }

  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
