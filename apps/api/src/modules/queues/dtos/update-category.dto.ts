import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '../slug-from-name.js';

/** Only the fields present change; null clears the description. */
export class UpdateCategoryDto {
  @ApiPropertyOptional({ example: 'Reklamacja lub zwrot' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: 'complaint-return' })
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
