import { Injectable } from '@nestjs/common';
import type { ReplyPayload } from './reply-payload';

/**
 * Checks a template reply against the line's approved templates and renders its body for the chat.
 * TEMPORARY: until the creds branch lands with WhatsappTemplates, the template is not checked and the chat shows its name.
 */
@Injectable()
export class ReplyTemplates {
  // eslint-disable-next-line @typescript-eslint/require-await
  async render(
    _organizationId: string,
    _instanceId: string,
    payload: Extract<ReplyPayload, { kind: 'template' }>,
  ): Promise<string> {
    return `[${payload.name}] ${payload.variables.join(' · ')}`.trim();
  }
}
