import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_CHANNELS, TICKET_PRIORITIES, type TicketChannel, type TicketPriority } from '@okienko/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsEmail, IsIn, ValidateBy, IsNotEmptyObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested,
} from 'class-validator';
import { CreateCustomerIdentityDto } from '../../customers/dtos/create-customer-identity.dto.js';
import { IsTicketTagList } from './is-ticket-tag-list.js';

export class TicketCustomerInputDto {
  @ApiPropertyOptional({ example: 'jan.kowalski@example.pl', description: 'Finds the customer (by any of their e-mail identities), or creates one.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'Jan Kowalski' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: '+48 600 100 200', description: 'Any spelling; stored in E.164 (read in DEFAULT_PHONE_REGION without a country code).' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ type: [CreateCustomerIdentityDto], description: 'Further identities (chat, allegro, external with a source, …).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CreateCustomerIdentityDto)
  identities?: CreateCustomerIdentityDto[];
}

/** The customer must be recognisable: an e-mail, a phone or at least one further identity. */
function HasCustomerIdentity(): PropertyDecorator {
  return ValidateBy({
    name: 'hasCustomerIdentity',
    validator: {
      validate: (value: unknown) => {
        const c = value as TicketCustomerInputDto | null;
        return typeof c === 'object' && c !== null && (c.email !== undefined || c.phone !== undefined || (Array.isArray(c.identities) && c.identities.length > 0));
      },
      defaultMessage: () => 'customer needs at least one identity: email, phone or identities',
    },
  });
}

export class TicketMessageInputDto {
  @ApiProperty({ example: 'Dzień dobry, paczka nie dotarła.', description: 'Plain text of the customer\'s request.' })
  @IsString()
  @MinLength(1)
  @MaxLength(1_000_000)
  body!: string;

  @ApiPropertyOptional({ description: 'HTML version; sanitised before it is stored.' })
  @IsOptional()
  @IsString()
  @MaxLength(5_000_000)
  html?: string;

  @ApiPropertyOptional({
    enum: ['inbound', 'outbound'],
    default: 'inbound',
    description:
      "inbound: the customer's message (a call note, a walk-in, a form). outbound: the agent's mail to the customer, recorded as " +
      "the agent's reply and sent by e-mail to the customer's address (the customer needs an e-mail, else 400 naming customer.email).",
  })
  @IsOptional()
  @IsIn(['inbound', 'outbound'])
  direction?: 'inbound' | 'outbound';

  @ApiPropertyOptional({ type: [String], description: 'For an outbound first message: copies (Cc).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  ccAddresses?: string[];

  @ApiPropertyOptional({ type: [String], description: 'For an outbound first message: blind copies (envelope only).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  bccAddresses?: string[];
}

export class CreateTicketDto {
  @ApiProperty({ example: 'Paczka nie dotarła' })
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'subject must not be blank' })
  @MaxLength(500)
  subject!: string;

  @ApiProperty({ type: TicketCustomerInputDto, description: 'Who the ticket is for: at least one of `email`, `phone`, `identities`.' })
  @IsNotEmptyObject()
  @HasCustomerIdentity()
  @ValidateNested()
  @Type(() => TicketCustomerInputDto)
  customer!: TicketCustomerInputDto;

  @ApiProperty({ type: TicketMessageInputDto, description: "The first message: the customer's (default) or the agent's outbound mail (`direction: outbound`)." })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => TicketMessageInputDto)
  message!: TicketMessageInputDto;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ format: 'uuid', description: 'Without it the ticket goes to the default queue.' })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ enum: TICKET_CHANNELS, description: 'Default: api for API tokens, phone for agents.' })
  @IsOptional()
  @IsIn(TICKET_CHANNELS)
  channel?: TicketChannel;

  @ApiPropertyOptional({ type: [String], example: ['allegro'] })
  @IsOptional()
  @IsTicketTagList()
  tags?: string[];
}
