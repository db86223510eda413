import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class CallReportQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'From (inclusive); 30 days ago when left out' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'To (exclusive); now when left out' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class CallCountsDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The queue or agent (null: calls of a channel in no queue, or logged by hand)' })
  id!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ description: 'Inbound calls answered' }) answered!: number;
  @ApiProperty({ description: 'Inbound calls nobody answered' }) missed!: number;
  @ApiProperty({ description: 'Outbound calls' }) outbound!: number;
  @ApiProperty({ description: 'Outbound calls to a number whose call was missed in the 7 days before' }) callBacks!: number;
}

export class CallReportDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: [CallCountsDto], description: 'Per queue of the call’s channel' }) queues!: CallCountsDto[];
  @ApiProperty({ type: [CallCountsDto], description: 'Per agent who answered or made the call' }) agents!: CallCountsDto[];
}
