import { WhatsappProvider } from '@whatrack/shared';
import { REPLY_WINDOW_MS, replyWindow } from './reply-window';

const now = new Date('2026-12-02T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

describe('replyWindow', () => {
  it('is open 23 h after the last inbound message on a Cloud API line, and says until when', () => {
    expect(replyWindow(WhatsappProvider.CLOUD_API, hoursAgo(23), now)).toEqual({
      open: true,
      expiresAt: new Date(hoursAgo(23).getTime() + REPLY_WINDOW_MS),
    });
  });

  it('is closed 25 h after, and closed when the lead never wrote', () => {
    expect(replyWindow(WhatsappProvider.CLOUD_API, hoursAgo(25), now).open).toBe(false);
    expect(replyWindow(WhatsappProvider.CLOUD_API, null, now)).toEqual({ open: false, expiresAt: null });
  });

  it('closes exactly at 24 h', () => {
    expect(replyWindow(WhatsappProvider.CLOUD_API, hoursAgo(24), now).open).toBe(false);
  });

  it('never closes on an Evolution line (no such rule there)', () => {
    expect(replyWindow(WhatsappProvider.EVOLUTION, hoursAgo(100), now)).toEqual({ open: true, expiresAt: null });
  });
});
