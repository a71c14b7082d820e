import type { Random } from './random';

export interface ScriptMessage {
  direction: 'in' | 'out';
  type: 'text' | 'image' | 'audio' | 'document';
  body: string | null;
}

export interface ScriptContext {
  leadFirstName: string;
  agentFirstName: string | null;
  product: string;
  dealValue: number;
  returning: boolean;
  won: boolean;
}

const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

export function formatBrl(value: number): string {
  return brl.format(value).replace(/\u00a0/g, ' ');
}

function text(direction: 'in' | 'out', body: string): ScriptMessage {
  return { direction, type: 'text', body };
}

/**
 * pt-BR WhatsApp messages of one ticket, one group per stage reached (index 0 = the first stage): the stage
 * changes are placed between the groups.
 */
export function conversationScript(random: Random, stagesReached: number, ctx: ScriptContext): ScriptMessage[][] {
  const { leadFirstName: lead, product } = ctx;
  const agent = ctx.agentFirstName ?? 'a equipe';
  const opening: ScriptMessage[] = [
    text(
      'in',
      random.pick(
        ctx.returning
          ? [
              `Oi, tudo bem? Já comprei com vocês e agora quero fazer ${article(product)} ${product}.`,
              `Olá! Sou cliente de vocês, gostaria de um novo orçamento para ${product}.`,
            ]
          : [
              `Olá! Vi o anúncio de vocês e gostaria de um orçamento para ${product}.`,
              `Boa tarde! Quanto fica ${article(product)} ${product}?`,
              `Oi! Vocês fazem ${product}? Queria saber valores e prazo.`,
              `Bom dia, gostaria de informações sobre ${product}.`,
              `Olá, tudo bem? Tenho interesse em ${product}, como funciona o orçamento?`,
            ],
      ),
    ),
  ];
  if (random.chance(0.35)) {
    opening.push(
      text('in', random.pick(['Vocês atendem na minha região?', 'Fazem parcelamento?', 'Qual o prazo de entrega?'])),
    );
  }
  if (ctx.agentFirstName) {
    opening.push(
      text(
        'out',
        random.pick([
          `Oi, ${lead}! Tudo bem? Aqui é ${agent}, da Aurora Planejados. Vou te ajudar com o orçamento 😊`,
          `Olá, ${lead}! Sou ${agent}, consultor(a) da Aurora. Pode me contar um pouco mais sobre o ambiente?`,
          `Bom dia, ${lead}! Obrigado pelo contato. Você já tem as medidas do ambiente?`,
        ]),
      ),
    );
  }
  const groups: ScriptMessage[][] = [opening];
  if (stagesReached >= 2) {
    const qualifying: ScriptMessage[] = [
      text(
        'in',
        random.pick(['Tenho sim, vou te mandar.', 'Segue uma foto do espaço.', 'As medidas são 3,20 m x 2,80 m.']),
      ),
    ];
    if (random.chance(0.5)) qualifying.push({ direction: 'in', type: 'image', body: 'Foto do ambiente' });
    if (random.chance(0.25)) qualifying.push({ direction: 'in', type: 'audio', body: null });
    qualifying.push(
      text(
        'out',
        random.pick([
          'Perfeito! Consigo agendar uma visita técnica sem custo. Qual o melhor dia para você?',
          'Ótimo, com essas medidas já consigo adiantar o projeto. Podemos marcar a medição?',
        ]),
      ),
      text('in', random.pick(['Pode ser na quinta à tarde.', 'Sábado de manhã fica bom?', 'Amanhã depois das 18h.'])),
      text('out', 'Combinado! Visita agendada. Qualquer dúvida é só chamar por aqui.'),
    );
    groups.push(qualifying);
  }
  if (stagesReached >= 3) {
    const proposal: ScriptMessage[] = [
      { direction: 'out', type: 'document', body: `Proposta - ${product}.pdf` },
      text(
        'out',
        `${lead}, segue a proposta do projeto: ${formatBrl(ctx.dealValue)} em até 10x sem juros, entrega em 30 dias úteis.`,
      ),
      text(
        'in',
        random.pick([
          'Vou conversar em casa e te retorno.',
          'Consegue um desconto à vista?',
          'Gostei do projeto! Só preciso ver a forma de pagamento.',
        ]),
      ),
    ];
    if (random.chance(0.5)) proposal.push(text('out', 'Claro! Para pagamento à vista conseguimos 5% de desconto.'));
    groups.push(proposal);
  }
  if (stagesReached >= 4) {
    groups.push(
      ctx.won
        ? [
            text('in', random.pick(['Fechado! Pode mandar o contrato.', 'Vamos fechar! Como faço o pagamento?'])),
            text('out', `Que ótimo, ${lead}! Enviei o contrato e os dados para pagamento. Obrigado pela confiança!`),
            text('in', 'Recebido, obrigado!'),
          ]
        : [
            text(
              'in',
              random.pick([
                'Acabei fechando com outra empresa, mas obrigado pelo atendimento.',
                'Vou deixar para o ano que vem, obrigado.',
              ]),
            ),
            text('out', 'Sem problemas! Se precisar, estamos por aqui.'),
          ],
    );
  }
  return groups;
}

function article(product: string): string {
  return /^(cozinha|lavanderia)/.test(product) ? 'uma' : 'um';
}
