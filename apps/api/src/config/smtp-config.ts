import { readInt } from './env-readers';

/** Where password-reset e-mails are sent from. Absent: links are only shown to whoever generated them. */
export interface SmtpConfig {
  /** nodemailer connection options: a smtp:// or smtps:// URL, or host and port with optional credentials. */
  transport: { url: string } | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };
  /** The From header, e.g. "WhaTrack <no-reply@example.com>". */
  from: string;
  /** Where the server is, without credentials: the only part of these settings ever logged. */
  describe: string;
}

/**
 * The SMTP_* variables: e-mail is on when SMTP_URL or SMTP_HOST is set (the others alone, as in .env.example, change
 * nothing); what is wrong goes to `problems`.
 */
export function readSmtpConfig(env: NodeJS.ProcessEnv, problems: string[]): SmtpConfig | null {
  const value = (key: string) => env[key]?.trim() || null;
  const url = value('SMTP_URL');
  const host = value('SMTP_HOST');
  if (!url && !host) return null;
  const from = value('SMTP_FROM');
  if (!from) problems.push('SMTP_FROM is required when SMTP_URL or SMTP_HOST is set (the sender address)');
  if (url && host) problems.push('Set SMTP_URL or SMTP_HOST, not both');
  if (url) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      // Reported below.
    }
    if (!parsed || !['smtp:', 'smtps:'].includes(parsed.protocol)) {
      problems.push('SMTP_URL must be a smtp:// or smtps:// URL');
      return null;
    }
    return { transport: { url }, from: from ?? '', describe: `${parsed.protocol}//${parsed.host}` };
  }
  if (!host) return null;
  const port = readInt(env, 'SMTP_PORT', 587, problems);
  const user = value('SMTP_USER');
  const password = env.SMTP_PASSWORD ?? '';
  if (Boolean(user) !== Boolean(password)) problems.push('SMTP_USER and SMTP_PASSWORD go together');
  return {
    // Port 465 speaks TLS from the first byte; the others upgrade with STARTTLS when the server offers it.
    transport: { host, port, secure: port === 465, ...(user ? { auth: { user, pass: password } } : {}) },
    from: from ?? '',
    describe: `${host}:${port}`,
  };
}
