import { ApiProperty } from '@nestjs/swagger';
import type { PlaceholderDefinition } from '@okienko/domain';

export class TemplatePlaceholderDto {
  @ApiProperty({ example: 'customer.name', description: 'Written as {{customer.name}}.' })
  path!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ example: 'Jan Kowalski' })
  example!: string;

  @ApiProperty({ description: 'false: reserved for a feature that does not exist yet; refused until then.' })
  available!: boolean;

  @ApiProperty({ type: String, nullable: true })
  unavailableReason!: string | null;

  static from(definition: PlaceholderDefinition): TemplatePlaceholderDto {
    return {
      path: definition.path,
      description: definition.description,
      example: definition.example,
      available: !definition.unavailable,
      unavailableReason: definition.unavailable ?? null,
    };
  }
}

export class TemplatePlaceholderListDto {
  @ApiProperty({ type: [TemplatePlaceholderDto] })
  items!: TemplatePlaceholderDto[];
}
