import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { mediaConfig } from 'src/config/media.config';
import { MediaStorage } from './media-storage';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'application/pdf': 'pdf',
};

/** Files under MEDIA_STORAGE_DIR/<organization>/<message>.<ext>; keys never come from user input. */
@Injectable()
export class LocalMediaStorage extends MediaStorage {
  private readonly root: string;

  constructor(@Inject(mediaConfig.KEY) config: ConfigType<typeof mediaConfig>) {
    super();
    this.root = resolve(config.storageDir);
  }

  async put(organizationId: string, messageId: string, data: Buffer, mimetype: string): Promise<string> {
    const extension = EXTENSIONS[baseMimetype(mimetype)] ?? 'bin';
    const key = `${organizationId}/${messageId}.${extension}`;
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename would be atomic; a retried job simply overwrites the same key, which is enough here.
    await writeFile(path, data);
    return key;
  }

  async open(key: string): Promise<Readable | null> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error('Media key escapes the storage directory');
    return path;
  }
}

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
export function baseMimetype(mimetype: string): string {
  return mimetype.split(';')[0].trim().toLowerCase();
}
