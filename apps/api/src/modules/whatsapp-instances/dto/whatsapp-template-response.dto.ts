import { ApiProperty } from '@nestjs/swagger';
import type { TemplateView } from '../graph-templates';

export class WhatsappTemplateResponseDto implements TemplateView {
  @ApiProperty({ example: 'pedido_confirmado' })
  name: string;

  @ApiProperty({ example: 'pt_BR', description: "Meta's language code: send it as the template's language" })
  language: string;

  @ApiProperty({ example: 'UTILITY', description: 'MARKETING, UTILITY or AUTHENTICATION' })
  category: string;

  @ApiProperty({ example: 'APPROVED', description: 'Always APPROVED: only those can be sent' })
  status: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Olá {{1}}, seu pedido {{2}} foi confirmado.',
    description: 'Text of the BODY component',
  })
  body: string | null;

  @ApiProperty({
    example: 2,
    minimum: 0,
    description: 'Distinct {{n}} placeholders of the body: how many variables a template message must bring',
  })
  variables: number;

  @ApiProperty({ type: String, nullable: true, example: 'Pedido confirmado', description: 'Text of a TEXT header' })
  headerText: string | null;
}

export class WhatsappTemplateListResponseDto {
  @ApiProperty({ type: [WhatsappTemplateResponseDto], description: 'By name, then language' })
  items: WhatsappTemplateResponseDto[];
}
