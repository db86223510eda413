import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

/** How the team works, as an admin sets it for the whole installation. */
export class WorkspaceSettingsDto {
  @ApiProperty({
    description:
      'An agent who replies to a ticket nobody is assigned to becomes its assignee (an audit event, shown live), so per-agent ' +
      'reports count the ticket. Default true.',
    example: true,
  })
  assignOnReply!: boolean;
}

/** Only the fields present change. */
export class UpdateWorkspaceSettingsDto {
  @ApiPropertyOptional({ description: 'See WorkspaceSettingsDto.assignOnReply.' })
  @IsOptional()
  @IsBoolean()
  assignOnReply?: boolean;
}
