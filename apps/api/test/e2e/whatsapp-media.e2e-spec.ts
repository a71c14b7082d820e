import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { MEDIA_MAX_ATTEMPTS, MediaWorker } from '../../src/modules/media/media.worker';
import { FakeEvolutionApi } from '../support/fake-evolution-api';
import { registerAccount } from '../support/fixtures';
import { cloudMedia, evolutionImage } from '../support/media-payloads';
import { RepliesFixture } from '../support/replies-fixture';

const API_KEY = 'evo-key-media-0123456789';
const MAX_BYTES = 200_000;

/** Where the files go in a run: a directory, or a bucket of an S3-compatible server on loopback (s3rver). */
interface StoreRun {
  name: string;
  start(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

function directoryRun(): StoreRun {
  const dir = mkdtempSync(join(tmpdir(), 'whatrack-media-'));
  return {
    name: 'a directory',
    start: () => Promise.resolve({ MEDIA_DIR: dir }),
    stop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

function s3Run(): StoreRun {
  const dir = mkdtempSync(join(tmpdir(), 'whatrack-s3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'media', configs: [] }],
  });
  return {
    name: 'an S3-compatible server',
    start: async () => {
      const { port } = await server.run();
      return {
        S3_BUCKET: 'media',
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_REGION: 'us-east-1',
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
        S3_FORCE_PATH_STYLE: 'true',
      };
    },
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe.each([directoryRun(), s3Run()])('WhatsApp media stored in $name', (store) => {
  const app = new RepliesFixture();
  const evolution = new FakeEvolutionApi(API_KEY);
  let seq = 0;
  const wamid = () => `wamid.MEDIA${process.pid}${++seq}${randomBytes(3).toString('hex')}`;
  const mediaId = () => String(1_479_537_139_650_000 + ++seq);

  beforeAll(async () => {
    const env = await store.start();
    await evolution.start();
    await app.start({
      ...env,
      ALLOW_PRIVATE_NETWORK_TARGETS: 'true',
      MEDIA_WORKER_ENABLED: 'false',
      MEDIA_RETRY_BASE_MS: '1',
      MEDIA_MAX_BYTES: String(MAX_BYTES),
    });
  });
  beforeEach(async () => {
    await app.newVerifiedOrganization();
    await app.http
      .patch(`/api/v1/whatsapp-instances/${app.evolution.id}`)
      .set(app.owner.bearer)
      .send({ providerPhoneNumberId: 'loja-centro', apiUrl: evolution.base, apiKey: API_KEY })
      .expect(200);
  });
  afterAll(async () => {
    await app.stop();
    await evolution.stop();
    await store.stop();
  });

  /** Downloads until nothing is due, waiting out the 1 ms backoff between rounds. */
  const download = async (rounds = 1) => {
    for (let i = 0; i < rounds; i++) {
      await app.t.app.get(MediaWorker).drain();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const onlyMessage = async () => {
    const [ticket] = await app.tickets();
    const messages = await app.messages(ticket.id as string);
    expect(messages).toHaveLength(1);
    return messages[0];
  };
  const media = (id: string, bearer = app.owner.bearer) =>
    app.http
      .get(`/api/v1/messages/${id}/media`)
      .set(bearer)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('downloads a Cloud API image once, however often the webhook comes, and serves it to its organization only', async () => {
    const id = mediaId();
    const bytes = randomBytes(4096);
    app.graph.serveMedia(id, 'image/jpeg', bytes);
    const body = cloudMedia({ id: wamid() }, 'image', { caption: 'Olha', mime_type: 'image/jpeg', sha256: 'x', id });
    await app.postCloud(body).expect(200);
    await app.postCloud(body).expect(200);
    await app.drain();
    await download();
    await app.postCloud(body).expect(200);
    await app.drain();
    await download();

    const reads = app.graph.mediaReads(id);
    expect(reads.map((r) => r.path)).toEqual([`/v21.0/${id}`, '/whatsapp_business/attachments/']);
    expect(reads.every((r) => r.authorization === `Bearer ${app.token}`)).toBe(true);
    const message = await onlyMessage();
    expect(message.media).toEqual({
      status: 'stored',
      mimeType: 'image/jpeg',
      fileName: null,
      sizeBytes: 4096,
      voice: false,
      url: `/api/v1/messages/${message.id}/media`,
      error: null,
    });
    const res = await media(message.id as string).expect(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-disposition']).toBe('inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(Buffer.compare(res.body as Buffer, bytes)).toBe(0);

    const stranger = await registerAccount(app.t);
    const denied = await media(message.id as string, stranger.bearer).expect(404);
    expect(JSON.parse((denied.body as Buffer).toString('utf8'))).toMatchObject({ code: 'not_found' });
  });

  it('keeps a document’s file name for the download', async () => {
    const id = mediaId();
    app.graph.serveMedia(id, 'application/pdf', Buffer.from('%PDF-1.7 orçamento'));
    const document = { filename: 'Orçamento 2026.pdf', mime_type: 'application/pdf', sha256: 'x', id };
    await app.postCloud(cloudMedia({ id: wamid() }, 'document', document)).expect(200);
    await app.drain();
    await download();
    const message = await onlyMessage();
    expect(message.media).toMatchObject({ status: 'stored', fileName: 'Orçamento 2026.pdf' });
    const res = await media(message.id as string).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Or_amento 2026.pdf"; filename*=UTF-8''Or%C3%A7amento%202026.pdf`,
    );
  });

  it('retries a Graph API failing twice, then stores the file', async () => {
    const id = mediaId();
    app.graph.serveMedia(id, 'audio/ogg', randomBytes(512));
    await app
      .postCloud(
        cloudMedia({ id: wamid() }, 'audio', { mime_type: 'audio/ogg; codecs=opus', sha256: 'x', id, voice: true }),
      )
      .expect(200);
    await app.drain();
    app.graph.failNext(500, { error: { message: 'Service temporarily unavailable', code: 2 } });
    app.graph.failNext(503, { error: { message: 'Service temporarily unavailable', code: 2 } });
    await download(4);
    const message = await onlyMessage();
    expect(message.media).toMatchObject({ status: 'stored', voice: true, mimeType: 'audio/ogg' });
    const rows = await app.sql(`SELECT attempts FROM whatsapp_media WHERE message_id = $1`, [message.id]);
    expect(rows[0].attempts).toBe(3);
  });

  it('gives up after the last attempt: the message says the file is missing', async () => {
    const id = mediaId();
    await app.postCloud(cloudMedia({ id: wamid() }, 'video', { mime_type: 'video/mp4', sha256: 'x', id })).expect(200);
    await app.drain();
    app.graph.alwaysFail = { status: 500, body: { error: { message: 'Service temporarily unavailable', code: 2 } } };
    try {
      // The backoff doubles from 1 ms: the last attempts wait a few hundred milliseconds.
      for (let round = 0; round < 100; round++) {
        await download();
        const [row] = await app.sql(`SELECT status FROM whatsapp_media WHERE organization_id = $1`, [
          app.owner.organizationId,
        ]);
        if (row.status !== 'pending') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      app.graph.alwaysFail = null;
    }
    const message = await onlyMessage();
    expect(message.media).toMatchObject({ status: 'failed', url: null, error: expect.stringContaining('500') });
    expect(app.graph.mediaReads(id)).toHaveLength(MEDIA_MAX_ATTEMPTS);
    await media(message.id as string).expect(404);
  });

  it('refuses a file over the size limit, cut while it streams in', async () => {
    const id = mediaId();
    app.graph.serveMedia(id, 'image/png', randomBytes(MAX_BYTES + 1), 1000);
    await app.postCloud(cloudMedia({ id: wamid() }, 'image', { mime_type: 'image/png', sha256: 'x', id })).expect(200);
    await app.drain();
    await download();
    const message = await onlyMessage();
    expect(message.media).toMatchObject({
      status: 'refused',
      url: null,
      error: expect.stringContaining(String(MAX_BYTES)),
    });
    await media(message.id as string).expect(404);
  });

  it('stores the file Evolution put in the webhook without asking its media endpoint, and keeps it out of the message', async () => {
    const bytes = randomBytes(2048);
    const before = evolution.mediaRequests().length;
    await app.postEvolution(evolutionImage({ id: `EVO-MEDIA-${++seq}`, base64: bytes.toString('base64') })).expect(200);
    await app.drain();
    await download();
    expect(evolution.mediaRequests().length).toBe(before);
    const message = await onlyMessage();
    expect(message).toMatchObject({ type: 'image', body: 'Foto do produto' });
    expect(message.media).toMatchObject({ status: 'stored', mimeType: 'image/jpeg', sizeBytes: 2048 });
    expect(Buffer.compare((await media(message.id as string).expect(200)).body as Buffer, bytes)).toBe(0);
    const raw = await app.sql(`SELECT raw -> 'message' ? 'base64' AS inline FROM whatsapp_messages WHERE id = $1`, [
      message.id,
    ]);
    expect(raw[0].inline).toBe(false);
  });

  it('fetches an Evolution file from getBase64FromMediaMessage when the webhook has none', async () => {
    const keyId = `EVO-MEDIA-${++seq}`;
    const bytes = randomBytes(1024);
    evolution.media.set(keyId, { mimetype: 'image/jpeg', body: bytes });
    await app.postEvolution(evolutionImage({ id: keyId })).expect(200);
    await app.drain();
    await download();
    const asked = evolution.mediaRequests().filter((r) => r.body.message?.key?.id === keyId);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      path: '/chat/getBase64FromMediaMessage/loja-centro',
      apikey: API_KEY,
      body: {
        message: { key: { id: keyId, remoteJid: '5521988887777@s.whatsapp.net', fromMe: false } },
        convertToMp4: false,
      },
    });
    const message = await onlyMessage();
    expect(message.media).toMatchObject({ status: 'stored' });
    expect(Buffer.compare((await media(message.id as string).expect(200)).body as Buffer, bytes)).toBe(0);
  });
});
