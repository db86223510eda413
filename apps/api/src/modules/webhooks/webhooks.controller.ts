import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { PageQueryDto } from '../../core/http/page-query.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { CreateWebhookDto } from './dtos/create-webhook.dto.js';
import { UpdateWebhookDto } from './dtos/update-webhook.dto.js';
import {
  RotatedSecretDto, WebhookDeliveryDto, WebhookDeliveryListDto, WebhookDto, WebhookListDto, WebhookWithSecretDto,
} from './dtos/webhook.dto.js';
import { WebhooksService } from './webhooks.service.js';

const NOT_FOUND = 'WEBHOOK_NOT_FOUND';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: "List the integrators' webhook endpoints, oldest first" })
  @ApiOkResponse({ type: WebhookListDto })
  list(@Query() query: PageQueryDto): Promise<WebhookListDto> {
    return this.webhooks.list(query.limit, query.offset);
  }

  @Post()
  @ApiOperation({ summary: 'Add a webhook endpoint; the answer carries its signing secret, shown only this once' })
  @ApiCreatedResponse({ type: WebhookWithSecretDto })
  @ApiBadRequestResponse({ description: 'A field is invalid (named in details.fields), e.g. WEBHOOK_URL_REFUSED for a private address', type: ErrorResponseDto })
  create(@Body() dto: CreateWebhookDto): Promise<WebhookWithSecretDto> {
    return this.webhooks.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a webhook endpoint (without its secret)' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  get(@UuidParam() id: string): Promise<WebhookDto> {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a webhook endpoint; active: true also enables an endpoint disabled for failing' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiBadRequestResponse({ description: 'A field is invalid (named in details.fields)', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  update(@UuidParam() id: string, @Body() dto: UpdateWebhookDto): Promise<WebhookDto> {
    return this.webhooks.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook endpoint and its delivery log' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  async delete(@UuidParam() id: string): Promise<void> {
    await this.webhooks.delete(id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the endpoint a new signing secret; for 24 hours requests are signed with the old and the new one' })
  @ApiOkResponse({ type: RotatedSecretDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  rotateSecret(@UuidParam() id: string): Promise<RotatedSecretDto> {
    return this.webhooks.rotateSecret(id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a signed webhook.test event to the endpoint now; answers the delivery with its attempt' })
  @ApiOkResponse({ type: WebhookDeliveryDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  test(@UuidParam() id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.test(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log of an endpoint, newest first: each event with every attempt (time, status, response excerpt, duration)' })
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  deliveries(@UuidParam() id: string, @Query() query: PageQueryDto): Promise<WebhookDeliveryListDto> {
    return this.webhooks.deliveries(id, query.limit, query.offset);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a delivery again now, with the same webhook-id (receivers deduplicate)' })
  @ApiOkResponse({ type: WebhookDeliveryDto })
  @ApiNotFoundResponse({ description: `${NOT_FOUND}, WEBHOOK_DELIVERY_NOT_FOUND`, type: ErrorResponseDto })
  redeliver(@UuidParam() id: string, @UuidParam('deliveryId') deliveryId: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.redeliver(id, deliveryId);
  }
}
