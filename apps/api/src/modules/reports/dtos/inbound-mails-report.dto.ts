import { ApiProperty } from '@nestjs/swagger';
import { ReportBucketDto, ReportRangeDto } from './report-range.dto.js';

export class InboundAddressCountDto {
  @ApiProperty({ format: 'uuid' })
  addressId!: string;

  @ApiProperty({ example: 'reklamacje@sklep.pl' })
  address!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Reklamacje' })
  name!: string | null;

  @ApiProperty({ description: 'Mails received for the address.' })
  mails!: number;
}

export class InboundMailsBucketDto extends ReportBucketDto {
  @ApiProperty({ description: 'Mails for all addresses in the bucket (a mail that reached two addresses counts twice).' })
  mails!: number;

  @ApiProperty({ type: [InboundAddressCountDto], description: 'Every inbound address, with zeros.' })
  addresses!: InboundAddressCountDto[];
}

export class InboundMailsReportDto {
  @ApiProperty({ type: ReportRangeDto })
  range!: ReportRangeDto;

  @ApiProperty({ type: [InboundAddressCountDto], description: 'Totals over the range per inbound address.' })
  addresses!: InboundAddressCountDto[];

  @ApiProperty({ type: [InboundMailsBucketDto] })
  buckets!: InboundMailsBucketDto[];
}
