import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { SavedViewFiltersDto } from './saved-view-filters.dto.js';

export class CreateSavedViewDto {
  @ApiProperty({ example: 'Pilne reklamacje', maxLength: 100 })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name!: string;

  @ApiProperty({ type: SavedViewFiltersDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SavedViewFiltersDto)
  filters!: SavedViewFiltersDto;

  @ApiPropertyOptional({ default: false, description: 'Shown to everyone; only admins may share a view.' })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 100000, description: 'Where the view sits among its owner\'s; default: last.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  position?: number;
}
