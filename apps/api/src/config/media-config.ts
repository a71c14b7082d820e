import { resolve } from 'node:path';
import { readBool, readInt } from './env-readers';

/** An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Backblaze B2...). */
export interface S3MediaConfig {
  bucket: string;
  /** Absent for AWS itself; the server's URL for the others. */
  endpoint: string | null;
  region: string;
  /** Both or neither: without them the AWS SDK's default chain (instance role, AWS_* variables) is used. */
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** bucket in the path (http://host/bucket/key), as MinIO and most self-hosted servers want. */
  forcePathStyle: boolean;
}

export interface MediaConfig {
  /** The directory store's root (when no bucket is configured); git-ignored beside the embedded database. */
  dir: string;
  /** Set when S3_BUCKET is: files go to the bucket instead of the directory. */
  s3: S3MediaConfig | null;
  /** A file larger than this is refused (not downloaded further). WhatsApp's own largest is a 100 MB document. */
  maxBytes: number;
  /** Download media from this process, polling every workerIntervalMs. */
  workerEnabled: boolean;
  workerIntervalMs: number;
  /** The first retry of a failed download waits this long (then doubles, up to 10 minutes). */
  retryBaseMs: number;
}

const S3_KEYS = [
  'S3_BUCKET',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
];

/** The MEDIA_* and S3_* variables; what is wrong goes to `problems`. */
export function readMediaConfig(env: NodeJS.ProcessEnv, problems: string[]): MediaConfig {
  return {
    dir: resolve(env.MEDIA_DIR || '.data/media'),
    s3: readS3(env, problems),
    maxBytes: readInt(env, 'MEDIA_MAX_BYTES', 100 * 1024 * 1024, problems),
    workerEnabled: readBool(env, 'MEDIA_WORKER_ENABLED', true, problems),
    workerIntervalMs: readInt(env, 'MEDIA_WORKER_INTERVAL_MS', 2_000, problems),
    retryBaseMs: readInt(env, 'MEDIA_RETRY_BASE_MS', 5_000, problems),
  };
}

function readS3(env: NodeJS.ProcessEnv, problems: string[]): S3MediaConfig | null {
  const value = (key: string) => env[key]?.trim() || null;
  if (!S3_KEYS.some((key) => value(key))) return null;
  const bucket = value('S3_BUCKET');
  if (!bucket) {
    problems.push('S3_BUCKET is required when any S3_* variable is set');
    return null;
  }
  const endpoint = value('S3_ENDPOINT');
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint)) problems.push('S3_ENDPOINT must start with http:// or https://');
  const accessKeyId = value('S3_ACCESS_KEY_ID');
  const secretAccessKey = value('S3_SECRET_ACCESS_KEY');
  if (!accessKeyId !== !secretAccessKey) {
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  }
  return {
    bucket,
    endpoint,
    region: value('S3_REGION') ?? 'us-east-1',
    accessKeyId,
    secretAccessKey,
    forcePathStyle: readBool(env, 'S3_FORCE_PATH_STYLE', false, problems),
  };
}
