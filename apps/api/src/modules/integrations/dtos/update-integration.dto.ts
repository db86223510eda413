import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { CreateIntegrationDto } from './create-integration.dto.js';

/** Any field but the type; credentials left out of `settings` stay as they are. */
export class UpdateIntegrationDto extends PartialType(OmitType(CreateIntegrationDto, ['type', 'settings'] as const)) {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { url: 'https://sklep.pl' },
    description: 'Settings to change; a credential left out keeps its stored value.',
  })
  @IsOptional()
  @IsObject()
  settings?: Record<string, unknown>;
}
