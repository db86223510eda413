import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '../slug-from-name.js';

export class CreateCategoryDto {
  @ApiProperty({ example: 'Reklamacja lub zwrot', description: 'Unique, whatever the letter case.' })
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: 'complaint-return', description: 'Unique; made from the name when left out.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SLUG_LENGTH)
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters and digits joined by single hyphens, e.g. order-status' })
  slug?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}
