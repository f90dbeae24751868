import { Readable } from 'node:stream';

/** Where downloaded media lives; local disk by default, swappable for object storage. */
export abstract class MediaStorage {
  /** Stores the bytes under a key derived from the ids and returns the key. */
  abstract put(organizationId: string, messageId: string, data: Buffer, mimetype: string): Promise<string>;
  /** A stream of the stored file, or null when it is gone. */
  abstract open(key: string): Promise<Readable | null>;
  abstract remove(key: string): Promise<void>;
}
