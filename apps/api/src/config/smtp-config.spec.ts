import { readSmtpConfig } from './smtp-config';

function read(env: Record<string, string>) {
  const problems: string[] = [];
  return { config: readSmtpConfig(env, problems), problems };
}

describe('readSmtpConfig', () => {
  it('is off without SMTP_URL or SMTP_HOST, whatever else .env.example leaves set', () => {
    expect(read({ SMTP_PORT: '587', SMTP_FROM: '' })).toEqual({ config: null, problems: [] });
  });

  it('reads a host with credentials, and never describes the server with them', () => {
    const { config, problems } = read({
      SMTP_HOST: 'smtp.example.com',
      SMTP_PORT: '465',
      SMTP_USER: 'mailer',
      SMTP_PASSWORD: 's3cret',
      SMTP_FROM: 'WhaTrack <no-reply@example.com>',
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      transport: { host: 'smtp.example.com', port: 465, secure: true, auth: { user: 'mailer', pass: 's3cret' } },
      from: 'WhaTrack <no-reply@example.com>',
      describe: 'smtp.example.com:465',
    });
    const fromUrl = read({ SMTP_URL: 'smtp://mailer:s3cret@smtp.example.com:587', SMTP_FROM: 'a@example.com' });
    expect(fromUrl.config?.describe).toBe('smtp://smtp.example.com:587');
  });

  it('refuses what cannot send', () => {
    expect(read({ SMTP_HOST: 'smtp.example.com' }).problems).toEqual([expect.stringContaining('SMTP_FROM')]);
    expect(read({ SMTP_URL: 'http://x', SMTP_FROM: 'a@b.c' }).problems).toEqual([expect.stringContaining('SMTP_URL')]);
    expect(read({ SMTP_HOST: 'h', SMTP_USER: 'u', SMTP_FROM: 'a@b.c' }).problems).toEqual([
      expect.stringContaining('SMTP_USER and SMTP_PASSWORD'),
    ]);
    expect(read({ SMTP_HOST: 'h', SMTP_PORT: 'abc', SMTP_FROM: 'a@b.c' }).problems).toEqual([
      expect.stringContaining('SMTP_PORT'),
    ]);
  });
});
