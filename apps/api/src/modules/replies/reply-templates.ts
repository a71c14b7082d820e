import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '../../common/errors/domain-errors';
import type { TemplateView } from '../whatsapp-instances/graph-templates';
import { WhatsappTemplates } from '../whatsapp-instances/whatsapp-templates';
import type { ReplyPayload } from './reply-payload';

type TemplatePayload = Extract<ReplyPayload, { kind: 'template' }>;

/**
 * Checks a template reply against the line's approved templates (the WABA's list, cached) and renders the text the
 * chat shows for it: Meta refuses a template it does not know or one sent with the wrong number of variables, and
 * the whole point of the template is the text the lead reads.
 */
@Injectable()
export class ReplyTemplates {
  constructor(private readonly templates: WhatsappTemplates) {}

  async render(organizationId: string, instanceId: string, payload: TemplatePayload): Promise<string> {
    const template = await this.templates.find(organizationId, instanceId, payload.name, payload.language);
    if (!template) {
      throw InvalidInputError.field(
        'template.name',
        `no approved template ${payload.name} in ${payload.language} on this line`,
        'template_not_found',
      );
    }
    if (payload.variables.length !== template.variables) {
      throw InvalidInputError.field(
        'template.variables',
        `the template takes ${template.variables} variable(s), ${payload.variables.length} given`,
        'template_variables_count',
      );
    }
    return renderTemplate(template, payload.variables);
  }
}

/** The template's header and body with {{1}}, {{2}}… replaced by the variables (the body's placeholders only). */
export function renderTemplate(
  template: Pick<TemplateView, 'body' | 'headerText' | 'name'>,
  variables: string[],
): string {
  const body = (template.body ?? '').replace(/\{\{(\d+)\}\}/g, (whole, n: string) => variables[Number(n) - 1] ?? whole);
  const text = [template.headerText, body].filter((part) => part && part.trim()).join('\n');
  return text || template.name;
}
