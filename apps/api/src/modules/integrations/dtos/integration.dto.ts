import { ApiProperty } from '@nestjs/swagger';
import { ORDER_PROVIDERS, type OrderProvider } from '@okienko/domain';
import type { IntegrationRow } from '../integration.js';

export class IntegrationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ORDER_PROVIDERS })
  type!: OrderProvider;

  @ApiProperty({ example: 'Sklep główny' })
  name!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { url: 'https://sklep.pl' },
    description: 'The settings without the credentials (WooCommerce: url; BaseLinker: apiUrl; Shoper: url, login).',
  })
  settings!: Record<string, string>;

  @ApiProperty({ type: [String], example: ['consumerKey', 'consumerSecret'], description: 'Which credentials are stored (their values are never returned).' })
  credentials!: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Queues served; empty: every queue.' })
  queueIds!: string[];

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(row: IntegrationRow, credentials: string[]): IntegrationDto {
    return {
      id: row.id,
      type: row.type,
      name: row.name,
      settings: row.settings,
      credentials,
      queueIds: row.queueIds,
      active: row.active,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }
}

export class IntegrationListDto {
  @ApiProperty({ type: [IntegrationDto] })
  items!: IntegrationDto[];

  @ApiProperty()
  total!: number;
}

export class IntegrationTestResultDto {
  @ApiProperty({ description: 'Whether the shop could be reached with the stored credentials and its orders read.' })
  ok!: boolean;

  @ApiProperty({ example: 'Connected; the shop reports 1532 orders', description: "What happened; when not ok, the shop's own error." })
  message!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'How many orders the shop reported, when it says.' })
  ordersSeen!: number | null;
}
