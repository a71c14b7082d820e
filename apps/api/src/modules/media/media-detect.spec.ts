import { WhatsappProvider } from '@whatrack/shared';
import type { NormalizedMessage } from '../whatsapp/inbound.types';
import { detectMedia, withoutInlineMedia } from './media-detect';

describe('detectMedia', () => {
  it('reads a Cloud API document and a voice note', () => {
    const document = { id: '123', mime_type: 'application/pdf', sha256: 'h', filename: 'a.pdf', caption: 'c' };
    expect(detectMedia(WhatsappProvider.CLOUD_API, { type: 'document', document })).toEqual({
      kind: 'document',
      sourceMediaId: '123',
      mimeType: 'application/pdf',
      fileName: 'a.pdf',
      sha256: 'h',
      sizeBytes: null,
      voice: false,
      inline: false,
    });
    const audio = { id: '9', mime_type: 'audio/ogg; codecs=opus', voice: true };
    expect(detectMedia(WhatsappProvider.CLOUD_API, { type: 'audio', audio })).toMatchObject({ voice: true });
    expect(detectMedia(WhatsappProvider.CLOUD_API, { type: 'text', text: { body: 'oi' } })).toBeNull();
  });

  it('reads Evolution media, wrapped documents, Long file lengths and the inline base64', () => {
    const ptt = { message: { audioMessage: { mimetype: 'audio/ogg; codecs=opus', ptt: true, fileLength: '2048' } } };
    expect(detectMedia(WhatsappProvider.EVOLUTION, ptt)).toMatchObject({ kind: 'audio', voice: true, sizeBytes: 2048 });
    const wrapped = {
      message: {
        documentWithCaptionMessage: {
          message: {
            documentMessage: { mimetype: 'application/pdf', fileName: 'x.pdf', fileLength: { low: 10, high: 0 } },
          },
        },
        base64: 'QUJD',
      },
    };
    expect(detectMedia(WhatsappProvider.EVOLUTION, wrapped)).toMatchObject({
      kind: 'document',
      fileName: 'x.pdf',
      sizeBytes: 10,
      inline: true,
    });
    expect(detectMedia(WhatsappProvider.EVOLUTION, { message: { conversation: 'oi' } })).toBeNull();
  });

  it('drops the inline file from the stored raw payload only', () => {
    const message = {
      raw: { key: { id: 'A' }, message: { imageMessage: { mimetype: 'image/jpeg' }, base64: 'QUJD' } },
    };
    const slim = withoutInlineMedia(message as unknown as NormalizedMessage);
    expect(slim.raw).toEqual({ key: { id: 'A' }, message: { imageMessage: { mimetype: 'image/jpeg' } } });
    expect((message.raw.message as Record<string, unknown>).base64).toBe('QUJD');
  });
});
