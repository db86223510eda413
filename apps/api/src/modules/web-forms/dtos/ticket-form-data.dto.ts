import { ApiProperty } from '@nestjs/swagger';
import { FORM_KINDS, type FormKind } from '@okienko/domain';

export class TicketFormRowDto {
  @ApiProperty({ example: 'orderNumber' }) name!: string;
  @ApiProperty({ example: 'Numer zamówienia' }) label!: string;
  @ApiProperty({ example: 'Order number' }) labelEn!: string;
  @ApiProperty({ example: 'ZAM-4521' }) value!: string;
}

export class TicketFormDataDto {
  @ApiProperty({ enum: FORM_KINDS, nullable: true, description: 'null: the ticket did not come from a web form' }) kind!: FormKind | null;
  @ApiProperty({ type: [TicketFormRowDto] }) rows!: TicketFormRowDto[];
}
