import { ApiProperty } from '@nestjs/swagger';
import { ChannelRefDto } from '../../channels/dtos/channel-ref.dto.js';
import { CustomerDto } from '../../customers/dtos/customer.dto.js';
import { TicketLinkDto } from '../../ticket-relations/dtos/ticket-link.dto.js';
import { MessageDto } from './message.dto.js';
import { TicketEventDto } from './ticket-event.dto.js';
import { TicketSummaryDto } from './ticket-summary.dto.js';
import { TicketSurveyDto } from './ticket-survey.dto.js';
import { TicketWatcherDto } from './ticket-watcher.dto.js';

/** A ticket with its whole thread, audit trail and customer. */
export class TicketDetailDto extends TicketSummaryDto {
  @ApiProperty({ type: CustomerDto })
  customer!: CustomerDto;

  @ApiProperty({ type: [MessageDto], description: 'Oldest first.' })
  messages!: MessageDto[];

  @ApiProperty({
    type: [ChannelRefDto],
    description: 'Every channel the conversation came in on or went out on, oldest first (a ticket may hold threads of several channels); ' +
      'messages on none of our channels count once per channel type, with id and name null.',
  })
  channels!: ChannelRefDto[];

  @ApiProperty({ type: [TicketEventDto], description: 'Oldest first.' })
  events!: TicketEventDto[];

  @ApiProperty({ description: 'Whether the caller watches the ticket (POST/DELETE /tickets/:id/watch); always false for API tokens.' })
  watching!: boolean;

  @ApiProperty({ type: [TicketWatcherDto], description: 'Who watches the ticket, by name.' })
  watchers!: TicketWatcherDto[];

  @ApiProperty({ type: [TicketSummaryDto], description: "The customer's other tickets, newest first (at most 20)." })
  customerTickets!: TicketSummaryDto[];

  @ApiProperty({
    type: [TicketLinkDto],
    description: 'Tickets linked to this one (POST /tickets/:id/links, or split off one another), oldest link first; only those the caller may see.',
  })
  links!: TicketLinkDto[];

  @ApiProperty({ type: TicketSurveyDto, nullable: true, description: 'The satisfaction survey sent after closing, with the answer once given; null when none was sent.' })
  survey!: TicketSurveyDto | null;
}
