import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CustomerIdentityEntity } from '../entities/customer-identity.entity.js';
import type { CustomerEntity } from '../entities/customer.entity.js';
import { CustomerIdentityDto } from './customer-identity.dto.js';

export class CustomerDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Jan Kowalski' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'jan.kowalski@example.pl' })
  email!: string | null;

  @ApiProperty({ type: [CustomerIdentityDto], description: 'Everything the customer is recognised by: e-mail addresses, phone numbers (E.164), chat, Allegro and outside ids, oldest first.' })
  identities!: CustomerIdentityDto[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Set while this customer is merged into another: their tickets and identities are there now.' })
  mergedIntoId!: string | null;

  @ApiProperty({ type: [String], description: 'Further addresses of the same person (the e-mail identities other than the primary one).' })
  emails!: string[];

  @ApiProperty({ type: [String], example: ['+48600100200'], description: 'The phone identities, in E.164.' })
  phones!: string[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { shop: 'C-1042' } })
  externalIds!: Record<string, string>;

  @ApiProperty({ type: [String], example: ['vip'] })
  tags!: string[];

  @ApiProperty({ type: String, nullable: true })
  notes!: string | null;

  @ApiProperty({
    enum: ['pl', 'en'], nullable: true,
    description: 'What acknowledgements, automatic answers and surveys are written in: detected from their first message (Polish or English), editable. null: not judged yet (Polish is used).',
  })
  language!: 'pl' | 'en' | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(customer: CustomerEntity, identities: CustomerIdentityEntity[]): CustomerDto {
    return {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      identities: identities.map(CustomerIdentityDto.from),
      mergedIntoId: customer.mergedIntoId,
      emails: customer.emails,
      phones: customer.phones,
      externalIds: customer.externalIds,
      tags: customer.tags,
      notes: customer.notes,
      language: customer.language,
      createdAt: customer.createdAt.toISOString(),
      updatedAt: customer.updatedAt.toISOString(),
    };
  }
}

export class CustomerListDto {
  @ApiProperty({ type: [CustomerDto] })
  items!: CustomerDto[];

  @ApiProperty({ description: 'How many customers match: exact up to 10,000; when more match it is 10000 and `totalIsExact: false` comes with it.' })
  total!: number;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Present, and false, only when more customers match than `total` says (it is then the 10,000 cap); absent when `total` is exact.',
    example: false,
  })
  totalIsExact?: false;
}
