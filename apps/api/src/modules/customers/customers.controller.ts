import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { TicketSummaryDto } from '../tickets/dtos/ticket-summary.dto.js';
import { CustomerMergeService, UNMERGE_WINDOW_DAYS } from './customer-merge.service.js';
import { CustomersService } from './customers.service.js';
import { CreateCustomerIdentityDto } from './dtos/create-customer-identity.dto.js';
import { CreateCustomerDto } from './dtos/create-customer.dto.js';
import { CustomerDetailDto } from './dtos/customer-detail.dto.js';
import { CustomerDuplicateListDto } from './dtos/customer-duplicate.dto.js';
import { CustomerMergeDto } from './dtos/customer-merge.dto.js';
import { CustomerQueryDto } from './dtos/customer-query.dto.js';
import { CustomerDto, CustomerListDto } from './dtos/customer.dto.js';
import { MergeCustomersDto } from './dtos/merge-customers.dto.js';
import { UnmergeCustomerDto } from './dtos/unmerge-customer.dto.js';
import { UpdateCustomerDto } from './dtos/update-customer.dto.js';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly customers: CustomersService,
    private readonly merging: CustomerMergeService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List or search customers by name, e-mail or phone, or find one by an identity',
    description: 'Customers merged into another are not listed. `identity=phone:+48600100200` finds the number however it is spelled.',
  })
  @ApiOkResponse({ type: CustomerListDto })
  @ApiBadRequestResponse({ description: '`identity` is not `kind:value` or its value is not valid for the kind', type: ErrorResponseDto })
  async list(@Query() query: CustomerQueryDto): Promise<CustomerListDto> {
    const { items, total, totalIsExact } = await this.customers.search(query.q, query.identity, query.limit, query.offset);
    return { items: await this.customers.toDtos(items), total, ...(totalIsExact ? {} : { totalIsExact: false as const }) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a customer' })
  @ApiCreatedResponse({ type: CustomerDto })
  @ApiConflictResponse({ description: 'The e-mail (`CUSTOMER_EMAIL_TAKEN`) or a phone (`CUSTOMER_IDENTITY_TAKEN`) belongs to another customer', type: ErrorResponseDto })
  async create(@Body() dto: CreateCustomerDto): Promise<CustomerDto> {
    return this.customers.toDto(await this.customers.create(dto));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a customer with their ticket history',
    description:
      'The history lists only the tickets the caller may see (for agents: their queues, theirs and, by setting, those in no queue). ' +
      'A customer merged into another answers with `mergedIntoId`.',
  })
  @ApiOkResponse({ type: CustomerDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<CustomerDetailDto> {
    const { customer, tickets } = await this.customers.getWithHistory(id, actor);
    const merges = await this.merging.mergesInto(id);
    return {
      ...(await this.customers.toDto(customer)),
      tickets: tickets.map(TicketSummaryDto.from),
      merges: merges.map((m) => CustomerMergeDto.from(m, UNMERGE_WINDOW_DAYS)),
    };
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a customer's contact data, identifiers, tags or notes",
    description: '`email`, `emails` and `phones` replace the e-mail and phone identities; phones are stored in E.164.',
  })
  @ApiOkResponse({ type: CustomerDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The e-mail or a phone belongs to another customer, or this customer is merged into another (`CUSTOMER_MERGED`)', type: ErrorResponseDto })
  async update(@UuidParam() id: string, @Body() dto: UpdateCustomerDto): Promise<CustomerDto> {
    return this.customers.toDto(await this.customers.update(id, dto));
  }

  @Post(':id/identities')
  @ApiOperation({
    summary: 'Add an identity to a customer',
    description: 'E-mail is stored in lower case, a phone in E.164 (read in DEFAULT_PHONE_REGION without a country code). Adding one the customer has already changes nothing.',
  })
  @ApiCreatedResponse({ type: CustomerDto })
  @ApiBadRequestResponse({ description: 'The value is not valid for its kind, or `source` is missing (external) or not allowed', type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: '`CUSTOMER_IDENTITY_TAKEN`: another customer has it (`details.customerId` names them)', type: ErrorResponseDto })
  async addIdentity(@UuidParam() id: string, @Body() dto: CreateCustomerIdentityDto): Promise<CustomerDto> {
    return this.customers.toDto(await this.customers.addIdentity(id, dto));
  }

  @Delete(':id/identities/:identityId')
  @ApiOperation({ summary: 'Remove an identity from a customer' })
  @ApiOkResponse({ type: CustomerDto })
  @ApiNotFoundResponse({ description: 'No such customer, or the identity is not theirs', type: ErrorResponseDto })
  async removeIdentity(@UuidParam() id: string, @UuidParam('identityId') identityId: string): Promise<CustomerDto> {
    return this.customers.toDto(await this.customers.removeIdentity(id, identityId));
  }

  @Post(':id/merge')
  @ApiOperation({
    summary: 'Merge customers into this one',
    description:
      "The sources' tickets, identities and their own messages move to this customer; every moved ticket records a `customer_merged` event; " +
      'the sources stay, answering with `mergedIntoId`, and are no longer listed. Undo with `/unmerge` within 30 days.',
  })
  @ApiCreatedResponse({ type: CustomerDto })
  @ApiBadRequestResponse({ description: '`sourceIds` is empty, repeats an id or names this customer', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'This customer or one of the sources does not exist', type: ErrorResponseDto })
  @ApiConflictResponse({ description: '`CUSTOMER_MERGED`: this customer or a source is already merged into another', type: ErrorResponseDto })
  async merge(@UuidParam() id: string, @Body() dto: MergeCustomersDto, @CurrentActor() actor: Actor): Promise<CustomerDto> {
    return this.customers.toDto(await this.merging.merge(id, dto.sourceIds, actor));
  }

  @Post(':id/unmerge')
  @ApiOperation({
    summary: 'Undo the merge of a customer into this one',
    description:
      'Moves back exactly what the merge moved (tickets, identities, messages) as far as it is still here, gives the source back its contact data, ' +
      'and records a `customer_unmerged` event on every ticket moved back. Answers the restored customer.',
  })
  @ApiCreatedResponse({ type: CustomerDto })
  @ApiNotFoundResponse({ description: '`CUSTOMER_MERGE_NOT_FOUND`: the source is not merged into this customer', type: ErrorResponseDto })
  @ApiConflictResponse({ description: '`CUSTOMER_UNMERGE_EXPIRED`: the merge is older than 30 days', type: ErrorResponseDto })
  async unmerge(@UuidParam() id: string, @Body() dto: UnmergeCustomerDto, @CurrentActor() actor: Actor): Promise<CustomerDto> {
    return this.customers.toDto(await this.merging.unmerge(id, dto.sourceId, actor));
  }

  @Get(':id/duplicates')
  @ApiOperation({
    summary: 'Customers who may be the same person',
    description: 'Those with a phone number of the same national number, or the same name and an e-mail in the same domain; for an agent to confirm and merge.',
  })
  @ApiOkResponse({ type: CustomerDuplicateListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async duplicates(@UuidParam() id: string): Promise<CustomerDuplicateListDto> {
    const found = await this.merging.duplicates(id);
    const dtos = await this.customers.toDtos(found.map((f) => f.customer));
    return { items: found.map((f, i) => ({ customer: dtos[i], reasons: f.reasons })), total: found.length };
  }
}
