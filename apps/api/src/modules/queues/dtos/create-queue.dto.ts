import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGNMENT_STRATEGIES, type AssignmentStrategy } from '@okienko/domain';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '../slug-from-name.js';

export class CreateQueueDto {
  @ApiProperty({ example: 'Reklamacje', description: 'Unique, whatever the letter case.' })
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: 'complaints', description: 'Unique; made from the name when left out.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SLUG_LENGTH)
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters and digits joined by single hyphens, e.g. after-sales' })
  slug?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: "Signature of replies on this queue's tickets when the agent has none (placeholders such as {{agent.name}}, {{queue.name}})." })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(2000)
  signature?: string | null;

  @ApiPropertyOptional({ enum: ASSIGNMENT_STRATEGIES, default: 'manual' })
  @IsOptional()
  @IsIn(ASSIGNMENT_STRATEGIES)
  assignmentStrategy?: AssignmentStrategy;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The team lead: an existing user.' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  leadId?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 10_000, description: 'Cap of open tickets per member; null: none.' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsInt()
  @Min(1)
  @Max(10_000)
  maxOpenPerAgent?: number | null;
}
