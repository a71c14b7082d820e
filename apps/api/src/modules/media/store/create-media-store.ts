import type { MediaConfig } from '../../../config/media-config';
import { DirectoryMediaStore } from './directory-media-store';
import type { MediaStore } from './media-store';
import { S3MediaStore } from './s3-media-store';

/** The bucket when S3_BUCKET is set, else the directory. */
export function createMediaStore(config: Pick<MediaConfig, 'dir' | 's3'>): MediaStore {
  return config.s3 ? new S3MediaStore(config.s3) : new DirectoryMediaStore(config.dir);
}
