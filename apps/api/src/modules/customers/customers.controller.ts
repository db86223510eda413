import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { TicketSummaryDto } from '../tickets/dtos/ticket-summary.dto.js';
import { CustomersService } from './customers.service.js';
import { CreateCustomerDto } from './dtos/create-customer.dto.js';
import { CustomerDetailDto } from './dtos/customer-detail.dto.js';
import { CustomerQueryDto } from './dtos/customer-query.dto.js';
import { CustomerDto, CustomerListDto } from './dtos/customer.dto.js';
import { UpdateCustomerDto } from './dtos/update-customer.dto.js';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @ApiOperation({ summary: 'List or search customers by name, e-mail or phone' })
  @ApiOkResponse({ type: CustomerListDto })
  async list(@Query() query: CustomerQueryDto): Promise<CustomerListDto> {
    const [items, total] = await this.customers.search(query.q, query.limit, query.offset);
    return { items: items.map(CustomerDto.from), total };
  }

  @Post()
  @ApiOperation({ summary: 'Create a customer' })
  @ApiCreatedResponse({ type: CustomerDto })
  @ApiConflictResponse({ description: 'The e-mail belongs to another customer', type: ErrorResponseDto })
  async create(@Body() dto: CreateCustomerDto): Promise<CustomerDto> {
    return CustomerDto.from(await this.customers.create(dto));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a customer with their ticket history',
    description: 'The history lists only the tickets the caller may see (for agents: their queues, theirs and, by setting, those in no queue).',
  })
  @ApiOkResponse({ type: CustomerDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<CustomerDetailDto> {
    const { customer, tickets } = await this.customers.getWithHistory(id, actor);
    return { ...CustomerDto.from(customer), tickets: tickets.map(TicketSummaryDto.from) };
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a customer's contact data, identifiers, tags or notes" })
  @ApiOkResponse({ type: CustomerDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The e-mail belongs to another customer', type: ErrorResponseDto })
  async update(@UuidParam() id: string, @Body() dto: UpdateCustomerDto): Promise<CustomerDto> {
    return CustomerDto.from(await this.customers.update(id, dto));
  }
}
