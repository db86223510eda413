import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsInt, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { SavedViewFiltersDto } from './saved-view-filters.dto.js';

const present = (_: object, value: unknown) => value !== undefined;
const notNull = { message: '$property cannot be null' };

/** Only the fields present change: rename, replace the filters, share or unshare, move. */
export class UpdateSavedViewDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @ValidateIf(present)
  @IsDefined(notNull)
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ type: SavedViewFiltersDto, description: 'The complete new filters.' })
  @ValidateIf(present)
  @IsDefined(notNull)
  @IsObject()
  @ValidateNested()
  @Type(() => SavedViewFiltersDto)
  filters?: SavedViewFiltersDto;

  @ApiPropertyOptional({ description: 'Only admins may share a view.' })
  @ValidateIf(present)
  @IsDefined(notNull)
  @IsBoolean()
  shared?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 100000 })
  @ValidateIf(present)
  @IsDefined(notNull)
  @IsInt()
  @Min(0)
  @Max(100_000)
  position?: number;
}
