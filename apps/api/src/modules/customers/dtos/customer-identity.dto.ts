import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CUSTOMER_IDENTITY_KINDS, type CustomerIdentityKind } from '@okienko/domain';
import type { CustomerIdentityEntity } from '../entities/customer-identity.entity.js';

export class CustomerIdentityDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: CUSTOMER_IDENTITY_KINDS, example: 'phone' })
  kind!: CustomerIdentityKind;

  @ApiProperty({ example: '+48600100200', description: 'Normalised: e-mail in lower case, phone in E.164.' })
  value!: string;

  @ApiPropertyOptional({ example: 'shop', description: 'The outside system or channel the value belongs to (always for `external`, sometimes for `chat` and `allegro`).' })
  source?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(identity: CustomerIdentityEntity): CustomerIdentityDto {
    return {
      id: identity.id,
      kind: identity.kind,
      value: identity.value,
      ...(identity.source ? { source: identity.source } : {}),
      createdAt: identity.createdAt.toISOString(),
    };
  }
}
