import { ApiProperty } from '@nestjs/swagger';
import { CustomerDto } from './customer.dto.js';

export const DUPLICATE_REASONS = ['same_phone', 'same_name_and_domain'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export class CustomerDuplicateDto {
  @ApiProperty({ type: CustomerDto })
  customer!: CustomerDto;

  @ApiProperty({
    enum: DUPLICATE_REASONS, isArray: true,
    description: '`same_phone`: a phone number with the same national number; `same_name_and_domain`: the same name and an e-mail in the same domain.',
  })
  reasons!: DuplicateReason[];
}

export class CustomerDuplicateListDto {
  @ApiProperty({ type: [CustomerDuplicateDto] })
  items!: CustomerDuplicateDto[];

  @ApiProperty()
  total!: number;
}
