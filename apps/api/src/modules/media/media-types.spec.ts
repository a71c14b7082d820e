import { baseMimeType, contentDisposition, isAllowedMimeType } from './media-types';

describe('media types', () => {
  it('keeps what WhatsApp carries and refuses the rest', () => {
    expect(isAllowedMimeType('audio/ogg; codecs=opus')).toBe(true);
    expect(isAllowedMimeType('application/pdf')).toBe(true);
    expect(isAllowedMimeType('IMAGE/JPEG')).toBe(true);
    expect(isAllowedMimeType('text/html')).toBe(false);
    expect(isAllowedMimeType('application/x-msdownload')).toBe(false);
    expect(isAllowedMimeType(null)).toBe(false);
    expect(baseMimeType(' audio/ogg ; codecs=opus')).toBe('audio/ogg');
  });

  it('offers documents as a download with their name, the rest inline', () => {
    expect(contentDisposition('image', 'x.jpg')).toBe('inline');
    expect(contentDisposition('document', 'Orçamento "final".pdf')).toBe(
      `attachment; filename="Or_amento _final_.pdf"; filename*=UTF-8''Or%C3%A7amento%20_final_.pdf`,
    );
    expect(contentDisposition('document', 'a\r\nSet-Cookie: x')).not.toMatch(/[\r\n]/);
    expect(contentDisposition('document', null)).toContain('filename="document"');
  });
});
