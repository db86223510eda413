import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A call event as Zammad's generic CTI API describes it (form-encoded with `user[]`, or JSON). */
export class CtiEventDto {
  @ApiProperty({ enum: ['newCall', 'answer', 'hangup'] }) event!: string;
  @ApiProperty({ example: '48221234567', description: 'The calling number, or `anonymous`' }) from!: string;
  @ApiProperty({ example: '48225550000', description: 'The called number' }) to!: string;
  @ApiProperty({ enum: ['in', 'out'] }) direction!: string;
  @ApiProperty({ example: '53ba82e2bd6d12d9fb2d3838f0cfb070', description: 'Unique per call (at most 250 characters)' }) callId!: string;
  @ApiPropertyOptional({ name: 'user[]', type: [String], description: 'The agents called (in) or calling (out), by name' }) user?: string[];
  @ApiPropertyOptional({ example: 'support' }) queue?: string;
  @ApiPropertyOptional({ enum: ['normalClearing', 'busy', 'cancel', 'noAnswer', 'congestion', 'notFound', 'forwarded'], description: 'hangup: why the call ended' })
  cause?: string;
  @ApiPropertyOptional({ example: 'anna@sklep.pl', description: 'answer/hangup: who answered, as a user’s e-mail or id' }) answeringNumber?: string;
}
