import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, Equals, IsArray, IsOptional, IsUUID } from 'class-validator';

/** Either `ids` or `all: true`. */
export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'The notifications to mark read (the caller\'s own; others are ignored).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ enum: [true], description: 'Mark every notification of the caller read.' })
  @IsOptional()
  @Equals(true, { message: 'all must be true when given' })
  all?: true;
}
