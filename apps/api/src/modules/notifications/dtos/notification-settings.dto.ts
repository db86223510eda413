import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';

/** Per kind, whether it also comes by e-mail (to the agent's own address). */
export class NotificationEmailSettingsDto {
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  mention?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  assigned?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  customer_replied?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  sla_warning?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  snooze_ended?: boolean;
}

export class NotificationSettingsDto {
  @ApiProperty({ type: NotificationEmailSettingsDto, description: 'Which notifications also come by e-mail; kinds left out keep their current value.' })
  @ValidateNested()
  @Type(() => NotificationEmailSettingsDto)
  email!: NotificationEmailSettingsDto;
}
