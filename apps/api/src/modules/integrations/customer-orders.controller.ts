import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { OrdersDto } from './dtos/order.dto.js';
import { OrderLookupService } from './order-lookup.service.js';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerOrdersController {
  constructor(private readonly orders: OrderLookupService) {}

  @Get(':id/orders')
  @ApiOperation({
    summary: "The customer's orders from every connected shop serving the caller's queues, newest first",
    description: 'Every e-mail and phone of the customer is looked up, live (briefly cached); a shop that cannot answer is listed in `errors`.',
  })
  @ApiOkResponse({ type: OrdersDto })
  @ApiNotFoundResponse({ description: 'CUSTOMER_NOT_FOUND', type: ErrorResponseDto })
  list(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<OrdersDto> {
    return this.orders.forCustomer(id, actor);
  }
}
