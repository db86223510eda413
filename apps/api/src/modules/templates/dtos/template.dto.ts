import { ApiProperty } from '@nestjs/swagger';
import { TEMPLATE_LANGUAGES, type TemplateLanguage } from '@okienko/domain';
import type { TemplateEntity } from '../entities/template.entity.js';

export class TemplateDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'order-status' })
  slug!: string;

  @ApiProperty({ example: 'Status zamówienia' })
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  subject!: string | null;

  @ApiProperty({ example: 'Dzień dobry {{customer.name}},\n\n…' })
  body!: string;

  @ApiProperty({ enum: TEMPLATE_LANGUAGES })
  language!: TemplateLanguage;

  @ApiProperty({
    type: String, format: 'uuid', nullable: true,
    description: 'Set on a version in another language of the template named: a rule answering with either sends the customer the version in their language.',
  })
  variantOfId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: offered in every queue.' })
  queueId!: string | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ type: [String], example: ['customer.name', 'ticket.number'], description: 'The placeholders subject and body use.' })
  placeholders!: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(template: TemplateEntity, placeholders: string[]): TemplateDto {
    return {
      id: template.id,
      slug: template.slug,
      title: template.title,
      subject: template.subject,
      body: template.body,
      language: template.language,
      variantOfId: template.variantOf,
      queueId: template.queueId,
      active: template.active,
      placeholders,
      createdAt: template.createdAt.toISOString(),
      updatedAt: template.updatedAt.toISOString(),
    };
  }
}

export class TemplateListDto {
  @ApiProperty({ type: [TemplateDto] })
  items!: TemplateDto[];

  @ApiProperty()
  total!: number;
}
