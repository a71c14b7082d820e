import { WhatsappProvider } from '@whatrack/shared';

/** The Cloud API's customer service window: free text until 24 h after the lead's last message. */
export const REPLY_WINDOW_MS = 24 * 3600_000;

export interface ReplyWindow {
  open: boolean;
  /** When free text stops being accepted; null when the line has no window (Evolution) or the lead never wrote. */
  expiresAt: Date | null;
}

/** Whether free text may be sent now on a line of `provider` to a lead who last wrote at `lastInboundAt`. */
export function replyWindow(provider: WhatsappProvider, lastInboundAt: Date | null, now: Date): ReplyWindow {
  if (provider !== WhatsappProvider.CLOUD_API) return { open: true, expiresAt: null };
  if (!lastInboundAt) return { open: false, expiresAt: null };
  const expiresAt = new Date(lastInboundAt.getTime() + REPLY_WINDOW_MS);
  return { open: expiresAt.getTime() > now.getTime(), expiresAt };
}
