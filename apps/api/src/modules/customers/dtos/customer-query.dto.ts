import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';

export class CustomerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail, or a whole phone number or further e-mail.', example: 'kowalski' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description: 'Exactly this identity, as `kind:value` (`phone:+48600100200`, `email:jan@example.pl`, `external:shop:C-1042`); phone numbers in any spelling.',
    example: 'phone:+48600100200',
  })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  identity?: string;
}
