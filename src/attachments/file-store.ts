// Where evidence bytes live, apart from their metadata (the attachments table) and never in Temporal.
// One interface, so an S3-compatible store can replace the embedded default (PostgreSQL bytea) without
// touching the service; the default needs no server besides the database the API already has.

/** Keyed by the attachment's ID; the store knows nothing of complaints, names or types. */
export interface FileStore {
  put(id: string, content: Buffer): Promise<void>;
  /** The bytes, or null when no file has this ID. */
  get(id: string): Promise<Buffer | null>;
  /** Removes the file; removing one that is not there is not an error (a rollback may run twice). */
  delete(ids: string[]): Promise<void>;
}

/** The Nest token the service asks for; AttachmentsModule binds it to the configured store. */
export const FILE_STORE = Symbol('FileStore');
