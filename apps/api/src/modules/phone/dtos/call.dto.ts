import { ApiProperty } from '@nestjs/swagger';

class CallPersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

class CallerTicketDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-000123' }) number!: string;
  @ApiProperty() subject!: string;
}

/** What the caller card shows of a known caller. */
export class CallerCardDto {
  @ApiProperty({ type: String, nullable: true, example: 'Jan Kowalski' }) name!: string | null;
  @ApiProperty({ description: 'Tickets of the customer not resolved or closed' }) openTickets!: number;
  @ApiProperty({ type: CallerTicketDto, nullable: true, description: 'The customer’s latest ticket' }) lastTicket!: CallerTicketDto | null;
}

/** A phone call: reported by the PBX (CTI webhook) or logged by an agent. */
export class CallDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The phone channel the PBX reported it on; null for calls logged by hand' })
  channelId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The PBX’s callId' }) callId!: string | null;
  @ApiProperty({ enum: ['in', 'out'] }) direction!: 'in' | 'out';
  @ApiProperty({ description: 'The calling number as the PBX sent it' }) from!: string;
  @ApiProperty({ description: 'The called number as the PBX sent it' }) to!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The customer’s number in E.164 (null: anonymous)' }) phone!: string | null;
  @ApiProperty({ enum: ['ringing', 'answered', 'missed', 'ended'] }) state!: 'ringing' | 'answered' | 'missed' | 'ended';
  @ApiProperty({ enum: ['known', 'possible', 'unknown'], description: 'known: a customer has the number; possible: customers have the same national number; unknown: nobody' })
  match!: 'known' | 'possible' | 'unknown';
  @ApiProperty({ type: CallPersonDto, nullable: true }) customer!: CallPersonDto | null;
  @ApiProperty({ type: [CallPersonDto], description: 'For a possible match: the customers it may be (confirm one with POST /calls/{id}/confirm-customer)' })
  possibleCustomers!: CallPersonDto[];
  @ApiProperty({ type: CallerCardDto, nullable: true, description: 'For a known caller: open tickets and the latest one' }) caller!: CallerCardDto | null;
  @ApiProperty({ type: CallPersonDto, nullable: true, description: 'The agent who answered (or logged) it' }) agent!: CallPersonDto | null;
  @ApiProperty({ type: [String], description: 'The PBX’s user names' }) users!: string[];
  @ApiProperty({ type: String, nullable: true }) queue!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'normalClearing', description: 'Why it ended (the PBX’s hangup cause)' }) cause!: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'From answer to hangup; 0 for calls nobody answered' }) durationSeconds!: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The ticket the call is a phone message on' }) ticketId!: string | null;
  @ApiProperty({ description: 'Logged by hand' }) manual!: boolean;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true }) recordingUrl!: string | null;
  @ApiProperty({ type: String, enum: ['pending', 'attached', 'failed'], nullable: true, description: 'The recording: being fetched, on the ticket, or failed (recordingError says why)' })
  recordingState!: 'pending' | 'attached' | 'failed' | null;
  @ApiProperty({ type: String, nullable: true }) recordingError!: string | null;
}

export class CallListDto {
  @ApiProperty({ type: [CallDto] }) items!: CallDto[];
  @ApiProperty() total!: number;
}

/** What the CTI webhook answers the PBX: `{}`, or `{action: "reject", reason: "busy"}` for a blocked caller. */
export class CtiAnswerDto {
  @ApiProperty({ required: false, enum: ['reject'] }) action?: 'reject';
  @ApiProperty({ required: false, enum: ['busy'] }) reason?: 'busy';
}
