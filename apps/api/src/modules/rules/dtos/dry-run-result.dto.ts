import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DryRunTicketDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2026-000123' })
  number!: string;

  @ApiProperty()
  subject!: string;
}

/** One field the rule would change, with names people read next to the ids. */
export class DryRunChangeDto {
  @ApiProperty({ enum: ['queueId', 'categoryId', 'priority', 'status', 'assigneeId', 'tags'] })
  field!: string;

  @ApiProperty({ type: String, nullable: true })
  from!: string | null;

  @ApiProperty({ type: String, nullable: true })
  to!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The name of the queue, category or user `from` points at.' })
  fromLabel!: string | null;

  @ApiProperty({ type: String, nullable: true })
  toLabel!: string | null;
}

/** An action beyond the ticket's fields, described as it would happen. */
export class DryRunActionDto {
  @ApiProperty({ example: 'reply_with_template' })
  type!: string;

  @ApiProperty({ example: 'Would answer the customer with the template „Status zamówienia”.' })
  description!: string;

  @ApiProperty({
    type: 'object', additionalProperties: true,
    description:
      'What the description names, for a client to say it in its own language: queue, template, recipients and target, address, ' +
      'url, kind and days (of a survey link).',
    example: { template: 'Status zamówienia' },
  })
  params!: Record<string, string | number | string[] | null>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'E.g. the rendered answer: {subject, body}.' })
  preview?: Record<string, unknown>;
}

export class DryRunItemDto {
  @ApiProperty({ type: DryRunTicketDto, nullable: true, description: 'Null for the sample message.' })
  ticket!: DryRunTicketDto | null;

  @ApiProperty()
  matched!: boolean;

  @ApiPropertyOptional({ enum: ['not_due'], description: 'A time-based rule the ticket is not due for.' })
  reason?: string;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'How each condition was judged.' })
  explanation!: unknown[];

  @ApiProperty({ type: [DryRunChangeDto] })
  changes!: DryRunChangeDto[];

  @ApiProperty({ type: [DryRunActionDto] })
  actions!: DryRunActionDto[];
}

export class DryRunResultDto {
  @ApiProperty({ description: 'How many tickets (or samples) the rule was tried on.' })
  evaluated!: number;

  @ApiProperty({ description: 'On how many it matched.' })
  matched!: number;

  @ApiProperty({ type: [DryRunItemDto] })
  items!: DryRunItemDto[];
}
