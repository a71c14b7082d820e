import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidInputError } from '../errors/domain-errors';
import { assertPublicUrl, isPublicAddress, PRIVATE_TARGET, publicRequest } from './public-target';

const NOT_PUBLIC = [
  '127.0.0.1',
  '127.8.9.10',
  '10.1.2.3',
  '172.16.0.1',
  '192.168.0.10',
  '169.254.169.254',
  '100.64.0.1',
  '0.0.0.0',
  '224.0.0.1',
  '255.255.255.255',
  '240.0.0.1',
  '198.18.0.1',
  '192.0.2.1',
  '::',
  '::1',
  'fe80::1',
  'fc00::1',
  'fd12:3456::1',
  'ff02::1',
  '::ffff:127.0.0.1',
  '::ffff:10.0.0.1',
  '::ffff:169.254.169.254',
  '64:ff9b::a00:1',
  '2002:a00:1::1',
  '2001:db8::1',
];

describe('isPublicAddress', () => {
  it.each(NOT_PUBLIC)('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('accepts %s', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );

  it('refuses what is not an address', () => expect(isPublicAddress('example.com')).toBe(false));
});

describe('assertPublicUrl', () => {
  const refusal = async (value: string, allowPrivate = false) => {
    try {
      await assertPublicUrl(value, 'apiUrl', allowPrivate);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      return (error as InvalidInputError).details?.[0];
    }
    return undefined;
  };

  it.each([
    'http://127.0.0.1:8080',
    'http://10.0.0.5/evolution',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]:8080',
    'http://[::ffff:127.0.0.1]/',
    'https://100.64.1.1',
    'http://2130706433/', // 127.0.0.1 written as a number: the URL parser normalizes it
    'http://localhost:8080', // a name that resolves to loopback
  ])('refuses %s naming the field', async (value) => {
    expect(await refusal(value)).toEqual({ field: 'apiUrl', code: 'private_target', message: expect.any(String) });
  });

  it('refuses URLs that are not http(s) or carry credentials', async () => {
    expect(await refusal('ftp://example.com')).toMatchObject({ field: 'apiUrl', code: 'invalid_url' });
    expect(await refusal('evolution.example.com')).toMatchObject({ field: 'apiUrl', code: 'invalid_url' });
    expect(await refusal('https://admin:secret@93.184.216.34')).toMatchObject({ code: 'credentials_in_url' });
    expect(await refusal('https://admin:secret@127.0.0.1', true)).toMatchObject({ code: 'credentials_in_url' });
  });

  it('accepts a public literal, and private targets when allowed', async () => {
    await expect(assertPublicUrl('https://93.184.216.34/evolution', 'apiUrl', false)).resolves.toBeUndefined();
    await expect(assertPublicUrl('https://[2606:4700:4700::1111]', 'apiUrl', false)).resolves.toBeUndefined();
    await expect(assertPublicUrl('http://127.0.0.1:8080', 'apiUrl', true)).resolves.toBeUndefined();
    await expect(assertPublicUrl('http://localhost:8080', 'apiUrl', true)).resolves.toBeUndefined();
  });

  it('refuses a host that does not resolve', async () => {
    expect(await refusal('https://does-not-exist.invalid')).toMatchObject({ code: 'unresolvable_host' });
  });
});

describe('publicRequest', () => {
  const received: { method?: string; url?: string; apikey?: string; body: string }[] = [];
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, apikey: req.headers.apikey as string, body });
        if (req.url === '/redirect') {
          res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
        } else if (req.url === '/hang') {
          // never answers
        } else if (req.url === '/large') {
          res.writeHead(200).end('x'.repeat(2 * 1024 * 1024));
        } else res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => (received.length = 0));

  const init = { method: 'POST', headers: { apikey: 'evo-key-secret-123' }, body: '{"a":1}', timeoutMs: 2000 };
  const errorOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a rejection');
      },
      (error: NodeJS.ErrnoException) => error,
    );

  it('refuses at connection time a name that resolves to loopback, before sending anything', async () => {
    const error = await errorOf(publicRequest(`http://localhost:${port}/x`, { ...init, allowPrivate: false }));
    expect(error.code).toBe(PRIVATE_TARGET);
    expect(error.message).not.toContain('evo-key-secret-123');
    expect(received).toEqual([]);
  });

  it('refuses loopback and private literals', async () => {
    for (const host of ['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '10.0.0.1', '169.254.169.254']) {
      const error = await errorOf(publicRequest(`http://${host}:${port}/x`, { ...init, allowPrivate: false }));
      expect(error.code).toBe(PRIVATE_TARGET);
    }
    expect(received).toEqual([]);
  });

  it('sends method, headers and body when private targets are allowed', async () => {
    const answer = await publicRequest(`http://localhost:${port}/message`, { ...init, allowPrivate: true });
    expect(answer).toEqual({ status: 201, text: '{"ok":true}' });
    expect(received).toEqual([{ method: 'POST', url: '/message', apikey: 'evo-key-secret-123', body: '{"a":1}' }]);
  });

  it('does not follow redirects', async () => {
    const answer = await publicRequest(`http://127.0.0.1:${port}/redirect`, { ...init, allowPrivate: true });
    expect(answer.status).toBe(302);
    expect(received).toHaveLength(1);
  });

  it('gives up after the timeout, and keeps network errors their code', async () => {
    const slow = await errorOf(
      publicRequest(`http://127.0.0.1:${port}/hang`, { ...init, timeoutMs: 200, allowPrivate: true }),
    );
    expect(slow.code).toBe('ETIMEDOUT');
    const closed = await errorOf(publicRequest('http://127.0.0.1:1/x', { ...init, allowPrivate: true }));
    expect(closed.code).toBe('ECONNREFUSED');
    const large = await errorOf(publicRequest(`http://127.0.0.1:${port}/large`, { ...init, allowPrivate: true }));
    expect(large.code).toBe('ERR_RESPONSE_TOO_LARGE');
  });

  it('never puts a header value in an error', async () => {
    const error = await errorOf(
      publicRequest(`http://127.0.0.1:${port}/x`, {
        ...init,
        headers: { apikey: 'evo-key-secret-123\r\nX-Injected: 1' },
        allowPrivate: true,
      }),
    );
    expect(error.message).not.toContain('evo-key-secret-123');
    expect(received).toEqual([]);
  });
});
