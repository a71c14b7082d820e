import { readMediaConfig } from './media-config';

describe('readMediaConfig', () => {
  it('defaults to the directory beside the embedded database', () => {
    const problems: string[] = [];
    const config = readMediaConfig({}, problems);
    expect(config.dir).toMatch(/\.data\/media$/);
    expect(config.s3).toBeNull();
    expect(config.maxBytes).toBe(100 * 1024 * 1024);
    expect(problems).toEqual([]);
  });

  it('takes a bucket when S3_BUCKET is set and names what is wrong', () => {
    const problems: string[] = [];
    const env = { S3_BUCKET: 'media', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' };
    expect(readMediaConfig(env, problems).s3).toMatchObject({
      bucket: 'media',
      forcePathStyle: true,
      region: 'us-east-1',
    });
    expect(problems).toEqual([]);
    readMediaConfig({ S3_ENDPOINT: 'minio:9000', S3_ACCESS_KEY_ID: 'k' }, problems);
    expect(problems).toEqual(['S3_BUCKET is required when any S3_* variable is set']);
    problems.length = 0;
    readMediaConfig({ S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000', S3_ACCESS_KEY_ID: 'k' }, problems);
    expect(problems).toEqual([
      'S3_ENDPOINT must start with http:// or https://',
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together',
    ]);
  });
});
