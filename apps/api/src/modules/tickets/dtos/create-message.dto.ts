import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_STATUSES, type TicketStatus } from '@okienko/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { AttachmentInputDto } from './attachment-input.dto.js';
import { IsReplyAddressList } from './is-address-list.js';

export class CreateMessageDto {
  @ApiProperty({ enum: ['reply', 'note'], description: 'reply: to the customer (queued for sending); note: internal, never sent.' })
  @IsIn(['reply', 'note'])
  type!: 'reply' | 'note';

  @ApiPropertyOptional({
    example: 'Dzień dobry, sprawdziliśmy przesyłkę...',
    description: "Required unless templateId is given; with a template, replaces the template's rendered body.",
  })
  @ValidateIf((o: CreateMessageDto) => o.templateId === undefined || o.body !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(1_000_000)
  body?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "An active template: its body, rendered for this ticket (the sending agent fills {{agent.name}}), is the message's body unless body is given; its subject, if it has one, titles a reply.",
  })
  @IsOptional()
  @IsUUID()
  templateId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'For a reply: the channel it goes out on, one of GET /tickets/{id}/reply-targets (else 400 naming channelId). ' +
      "Left out: the channel of the customer's latest message (e-mail is sent from that message's inbound address).",
  })
  @IsOptional()
  @IsUUID()
  @ValidateBy({
    name: 'onlyForReplies',
    validator: {
      validate: (_value: unknown, args) => (args?.object as CreateMessageDto | undefined)?.type === 'reply',
      defaultMessage: () => 'channelId is only for replies (type reply): a note is never sent',
    },
  })
  channelId?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['jan.kowalski@example.pl'],
    description: "An e-mail reply's recipients (at most 50). Left out: the Reply-To of the customer's latest mail, else the address it came from, else the customer's e-mail.",
  })
  @IsReplyAddressList('toAddresses')
  toAddresses?: string[];

  @ApiPropertyOptional({ type: [String], example: ['ksiegowosc@example.pl'], description: 'Copies of an e-mail reply (Cc header; at most 50).' })
  @IsReplyAddressList('ccAddresses')
  ccAddresses?: string[];

  @ApiPropertyOptional({ type: [String], example: ['kierownik@sklep.pl'], description: 'Blind copies of an e-mail reply: in the SMTP envelope only, never in the headers (at most 50).' })
  @IsReplyAddressList('bccAddresses')
  bccAddresses?: string[];

  @ApiPropertyOptional({
    default: true,
    description: "An e-mail reply gets the agent's signature below it (else the queue's), placeholders filled ({{agent.name}}, {{queue.name}}, …). false: none.",
  })
  @IsOptional()
  @IsBoolean()
  signature?: boolean;

  @ApiPropertyOptional({
    default: true,
    description: "An e-mail reply quotes the customer's message it answers below it (`> ` lines, a <blockquote> in HTML, under \"W dniu … napisał(a):\"). false: no quote.",
  })
  @IsOptional()
  @IsBoolean()
  quote?: boolean;

  @ApiPropertyOptional({ description: 'HTML version; sanitised before it is stored.' })
  @IsOptional()
  @IsString()
  @MaxLength(5_000_000)
  html?: string;

  @ApiPropertyOptional({
    enum: TICKET_STATUSES,
    description: 'Status to set together with a reply (e.g. waiting_customer). Without it a reply moves a new ticket to open.',
  })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ type: [AttachmentInputDto], description: 'Files sent with a reply (or kept with a note).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentInputDto)
  attachments?: AttachmentInputDto[];
}
