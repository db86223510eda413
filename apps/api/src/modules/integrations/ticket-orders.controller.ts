import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { TicketRef } from '../tickets/ticket-ref-param.js';
import { OrderDto, OrdersDto, PinOrderDto } from './dtos/order.dto.js';
import { OrderLookupService } from './order-lookup.service.js';

const OUT_OF_REACH = 'TICKET_NOT_FOUND: no such ticket, or one the caller may not see';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketOrdersController {
  constructor(private readonly orders: OrderLookupService) {}

  @Get(':id/orders')
  @ApiOperation({
    summary: "The customer's orders next to the ticket, newest first, from every shop serving the ticket's queue",
    description:
      'Every identity of the customer and the orders the ticket mentions (#4521, "zamówienie nr 4521", Allegro and Amazon order ids) are looked up in parallel; ' +
      'the mentioned order is marked `mentioned`, the pinned one `pinned`. A shop that cannot answer within SHOP_TIMEOUT_MS is listed in `errors`.',
  })
  @ApiOkResponse({ type: OrdersDto })
  @ApiNotFoundResponse({ description: OUT_OF_REACH, type: ErrorResponseDto })
  list(@TicketRef() ref: string, @CurrentActor() actor: Actor): Promise<OrdersDto> {
    return this.orders.forTicket(ref, actor);
  }

  @Post(':id/orders')
  @ApiOperation({ summary: 'Pin an order to the ticket: read from its shop and kept on the ticket as a snapshot (replaces a pinned one)' })
  @ApiCreatedResponse({ type: OrderDto })
  @ApiBadRequestResponse({ description: 'integrationId is not a shop serving the ticket\'s queue', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: `${OUT_OF_REACH}; ORDER_NOT_FOUND: the shop has no such order`, type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'SHOP_FAILED: the shop could not be asked (its error in the message)', type: ErrorResponseDto })
  pin(@TicketRef() ref: string, @Body() dto: PinOrderDto, @CurrentActor() actor: Actor): Promise<OrderDto> {
    return this.orders.pin(ref, dto.integrationId, dto.externalId, actor);
  }
}
