import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** A call logged by hand: it becomes a phone message with the note on the given ticket, else on a new phone ticket. */
export class LogCallDto {
  @ApiProperty({ enum: ['in', 'out'], description: 'in: the customer called; out: the agent called the customer' })
  @IsIn(['in', 'out'])
  direction!: 'in' | 'out';

  @ApiPropertyOptional({ example: '600 100 200', description: 'The customer’s number (any spelling; read in DEFAULT_PHONE_REGION). Give it, customerId or ticketId.' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the call began; now when left out' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startedAt?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 86400 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86_400)
  durationSeconds?: number;

  @ApiProperty({ example: 'Klient pyta o zwrot zamówienia 4521', description: 'What was said: the text of the phone message' })
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'note must not be blank' })
  @MaxLength(20_000)
  note!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The ticket the call belongs to; a new phone ticket when left out' })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({ description: 'Subject of a new ticket; “Połączenie przychodzące — <number>” when left out' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  subject?: string;

  @ApiPropertyOptional({ example: 'https://pbx.example.pl/recordings/123.mp3', description: 'Where the PBX keeps the recording' })
  @IsOptional()
  @IsString()
  @Matches(/^https?:\/\/\S+$/, { message: 'recordingUrl must be an http(s) URL' })
  @MaxLength(2000)
  recordingUrl?: string;
}
