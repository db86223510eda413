import { ApiProperty } from '@nestjs/swagger';

export class TemplatePreviewDto {
  @ApiProperty({ type: String, nullable: true, description: 'The rendered subject; null when there is none (a reply keeps "Re: <ticket subject>").' })
  subject!: string | null;

  @ApiProperty({ description: 'The rendered body, plain text, exactly as it would be sent.' })
  body!: string;

  @ApiProperty({ type: [String], example: ['customer.name', 'ticket.number'], description: 'The placeholders used.' })
  placeholders!: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The ticket rendered for; null: example values were used.' })
  ticketId!: string | null;
}
