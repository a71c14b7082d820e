import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Upper bounds so a silent SMTP server cannot hold a request (the link is shown anyway). */
const SMTP_TIMEOUT_MS = 10_000;

/** Sends e-mail through the configured SMTP server (SMTP_*); without one nothing is sent. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private transporter: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.smtp !== null;
  }

  /** Whether the server accepted the message; a failure is logged (without credentials), never thrown. */
  async send(mail: OutgoingMail): Promise<boolean> {
    const smtp = this.config.smtp;
    if (!smtp) return false;
    this.transporter ??= createTransport({
      ...smtp.transport,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
    try {
      await this.transporter.sendMail({ from: smtp.from, ...mail });
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`E-mail through ${smtp.describe} failed: ${reason}`);
      return false;
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
