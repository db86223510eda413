import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The shape of every error the API answers with. */
export class ErrorResponseDto {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ example: 'Not Found' })
  error!: string;

  @ApiProperty({ example: 'Ticket 2026-000123 does not exist' })
  message!: string;

  @ApiPropertyOptional({
    description: 'Machine-readable code (`details.code`) and, for validation errors, the failing fields.',
    example: { code: 'VALIDATION_FAILED', fields: [{ field: 'customer.email', errors: ['customer.email must be an email'] }] },
    type: 'object',
    additionalProperties: true,
  })
  details?: Record<string, unknown>;
}
