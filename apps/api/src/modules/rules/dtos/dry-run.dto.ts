import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CreateRuleDto } from './create-rule.dto.js';

/** A message as it could arrive, to see what a rule would do with it. */
export class SampleMessageDto {
  @ApiProperty({ example: 'Awaria: sklep nie działa' })
  @IsString()
  @MaxLength(1000)
  subject!: string;

  @ApiProperty({ example: 'Dzień dobry, od rana nie mogę złożyć zamówienia.' })
  @IsString()
  @MaxLength(1_000_000)
  body!: string;

  @ApiProperty({ example: 'jan.kowalski@example.pl' })
  @IsEmail()
  from!: string;

  @ApiPropertyOptional({ example: 'reklamacje@sklep.pl', description: 'The address of ours it was sent to.' })
  @IsOptional()
  @IsEmail()
  to?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  hasAttachments?: boolean;
}

export class DryRunDto {
  @ApiPropertyOptional({ type: SampleMessageDto, description: 'Try the rule on this message as a new ticket.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SampleMessageDto)
  sample?: SampleMessageDto;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, description: 'Try the rule on the newest N tickets (20 when no sample is given).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  lastTickets?: number;
}

/** A rule not saved yet, tried the same way. */
export class DryRunDraftDto extends DryRunDto {
  @ApiProperty({ type: CreateRuleDto })
  @ValidateNested()
  @Type(() => CreateRuleDto)
  rule!: CreateRuleDto;
}
