import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CreateChannelDto } from './create-channel.dto.js';

/** Any of the fields of a channel but its type; `settings` replaces the whole object. */
export class UpdateChannelDto extends PartialType(OmitType(CreateChannelDto, ['type', 'name'] as const)) {
  @ApiPropertyOptional({ example: 'Formularz reklamacji' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name?: string;
}
