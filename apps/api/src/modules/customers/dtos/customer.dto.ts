import { ApiProperty } from '@nestjs/swagger';
import type { CustomerEntity } from '../entities/customer.entity.js';

export class CustomerDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Jan Kowalski' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'jan.kowalski@example.pl' })
  email!: string | null;

  @ApiProperty({ type: [String], description: 'Further addresses of the same person.' })
  emails!: string[];

  @ApiProperty({ type: [String], example: ['+48 600 100 200'] })
  phones!: string[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { shop: 'C-1042' } })
  externalIds!: Record<string, string>;

  @ApiProperty({ type: [String], example: ['vip'] })
  tags!: string[];

  @ApiProperty({ type: String, nullable: true })
  notes!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(customer: CustomerEntity): CustomerDto {
    return {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      emails: customer.emails,
      phones: customer.phones,
      externalIds: customer.externalIds,
      tags: customer.tags,
      notes: customer.notes,
      createdAt: customer.createdAt.toISOString(),
      updatedAt: customer.updatedAt.toISOString(),
    };
  }
}

export class CustomerListDto {
  @ApiProperty({ type: [CustomerDto] })
  items!: CustomerDto[];

  @ApiProperty()
  total!: number;
}
