import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { PageQueryDto } from '../../core/http/page-query.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { CreateInboundAddressDto } from './dtos/create-inbound-address.dto.js';
import { InboundAddressDto, InboundAddressListDto } from './dtos/inbound-address.dto.js';
import { UpdateInboundAddressDto } from './dtos/update-inbound-address.dto.js';
import { InboundAddressesService } from './inbound-addresses.service.js';

@ApiTags('inbound-addresses')
@ApiBearerAuth()
@Roles('admin')
@Controller('inbound-addresses')
export class InboundAddressesController {
  constructor(private readonly addresses: InboundAddressesService) {}

  @Get()
  @ApiOperation({ summary: 'List the addresses Okienko receives mail for' })
  @ApiOkResponse({ type: InboundAddressListDto })
  async list(@Query() query: PageQueryDto): Promise<InboundAddressListDto> {
    const [items, total] = await this.addresses.list(query.limit, query.offset);
    return { items: items.map(InboundAddressDto.from), total };
  }

  @Post()
  @ApiOperation({ summary: 'Add an inbound address: mail to it becomes tickets in its queue' })
  @ApiCreatedResponse({ type: InboundAddressDto })
  @ApiConflictResponse({ description: 'The address exists already', type: ErrorResponseDto })
  async create(@Body() dto: CreateInboundAddressDto): Promise<InboundAddressDto> {
    return InboundAddressDto.from(await this.addresses.create(dto));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an inbound address' })
  @ApiOkResponse({ type: InboundAddressDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam() id: string): Promise<InboundAddressDto> {
    return InboundAddressDto.from(await this.addresses.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an inbound address' })
  @ApiOkResponse({ type: InboundAddressDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The new address exists already', type: ErrorResponseDto })
  async update(@UuidParam() id: string, @Body() dto: UpdateInboundAddressDto): Promise<InboundAddressDto> {
    return InboundAddressDto.from(await this.addresses.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an inbound address; mail to it is refused from then on' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async delete(@UuidParam() id: string): Promise<void> {
    await this.addresses.delete(id);
  }
}
