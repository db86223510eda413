import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ORDER_PROVIDERS, ORDER_STATUSES, PAYMENT_STATUSES, type OrderProvider, type OrderStatus, type PaymentStatus } from '@okienko/domain';

export class OrderTotalDto {
  @ApiProperty({ example: '129.90', description: 'Decimal, two places.' })
  amount!: string;

  @ApiProperty({ example: 'PLN' })
  currency!: string;
}

export class OrderItemDto {
  @ApiProperty({ example: 'Kubek termiczny 450 ml' })
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'KUB-450' })
  sku?: string | null;

  @ApiProperty({ example: 2 })
  quantity!: number;

  @ApiProperty({ example: '49.95', description: 'Price of one item.' })
  price!: string;
}

export class OrderShipmentDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'InPost' })
  carrier?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '680000000000000000000001' })
  trackingNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://inpost.pl/sledzenie-przesylek?number=680000000000000000000001' })
  trackingUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'shipped' })
  status?: string | null;
}

export class OrderDto {
  @ApiProperty({ format: 'uuid' })
  integrationId!: string;

  @ApiProperty({ enum: ORDER_PROVIDERS })
  provider!: OrderProvider;

  @ApiProperty({ example: '4521', description: "The shop's id of the order (what POST /tickets/:id/orders takes)." })
  externalId!: string;

  @ApiProperty({ example: '4521', description: 'The number the customer knows.' })
  number!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ enum: ORDER_STATUSES })
  status!: OrderStatus;

  @ApiProperty({ example: 'Wysłane', description: 'The status as the shop names it.' })
  statusLabel!: string;

  @ApiProperty({ type: OrderTotalDto })
  total!: OrderTotalDto;

  @ApiProperty({ enum: PAYMENT_STATUSES })
  paymentStatus!: PaymentStatus;

  @ApiProperty({ type: [OrderItemDto] })
  items!: OrderItemDto[];

  @ApiProperty({ type: OrderShipmentDto })
  shipment!: OrderShipmentDto;

  @ApiProperty({ type: String, nullable: true, description: "The order in the shop's administration panel." })
  adminUrl!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The marketplace order id (Allegro, Amazon) the shop keeps for it.' })
  externalOrderId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The e-mail the order was placed with.' })
  email?: string | null;

  @ApiProperty({ description: 'The ticket mentions this order (its number, or its marketplace id).' })
  mentioned!: boolean;

  @ApiProperty({ description: 'This order is pinned to the ticket.' })
  pinned!: boolean;
}

export class OrderLookupErrorDto {
  @ApiProperty({ format: 'uuid' })
  integrationId!: string;

  @ApiProperty({ example: 'Sklep główny' })
  integrationName!: string;

  @ApiProperty({ example: 'The shop did not answer within 3000 ms' })
  message!: string;
}

export class OrdersDto {
  @ApiProperty({ type: [OrderDto], description: 'Newest first (a pinned order that the shops no longer list is kept as its snapshot).' })
  items!: OrderDto[];

  @ApiProperty({ type: [OrderLookupErrorDto], description: 'Shops that could not answer; the others are listed all the same.' })
  errors!: OrderLookupErrorDto[];

  @ApiPropertyOptional({ type: OrderDto, nullable: true, description: 'Tickets: the pinned order (its snapshot when pinned, or fresher).' })
  pinned?: OrderDto | null;
}

export class PinOrderDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  integrationId!: string;

  @ApiProperty({ example: '4521', description: "The shop's id of the order (`externalId` of the orders list)." })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  externalId!: string;
}
