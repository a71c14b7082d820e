import { randomUUID } from 'node:crypto';

/** A stored file as the media route serves it. */
export interface StoredObject {
  body: Buffer;
  contentType: string;
}

/**
 * Where media files are kept: a directory (the default, works with the embedded database) or an S3-compatible
 * bucket. Keys are ours (storageKey), never a name the sender chose.
 */
export interface MediaStore {
  /** For the logs and health: "directory /path" or "s3 bucket". */
  readonly description: string;
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Null when there is no such object. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; a key with no object is not an error (an erasure may be retried). */
  delete(key: string): Promise<void>;
}

export const MEDIA_STORE = Symbol('MEDIA_STORE');

/** `<organization id>/<yyyy>/<mm>/<uuid>`: one organization's files under one prefix, spread by month. */
export function storageKey(organizationId: string, now: Date): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${organizationId}/${now.getUTCFullYear()}/${month}/${randomUUID()}`;
}

/** What a key may look like: ours only, so a key read from the database can never walk out of the store. */
export const STORAGE_KEY = /^[0-9a-f-]{36}\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/;
