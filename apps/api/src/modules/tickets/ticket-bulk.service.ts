import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import { AppException } from '../../core/errors/app-exception.js';
import { STATUS_BY_KIND } from '../../core/errors/http-exception.filter.js';
import type { BulkTicketChangesDto } from './dtos/bulk-ticket-changes.dto.js';
import type { BulkItemResultDto, BulkUpdateResultDto } from './dtos/bulk-update-result.dto.js';
import type { BulkUpdateTicketsDto } from './dtos/bulk-update-tickets.dto.js';
import type { UpdateTicketDto } from './dtos/update-ticket.dto.js';
import { TicketsService, type TicketUpdateOptions } from './tickets.service.js';

/** Tickets changed at the same time: enough to overlap round trips, few enough to leave connections for everybody else. */
const CONCURRENCY = 4;

type FieldErrors = { field: string; errors: string[] }[];

/**
 * Bulk actions of the ticket list: the same changes for many tickets. Each
 * ticket goes through the path of PATCH /tickets/:id (workflow, audit events,
 * rules and SLA, live events) in its own transaction, so one refused ticket
 * does not hold up the others. A ticket out of the caller's reach (see
 * TicketAccessPolicy) is refused as one that does not exist (TICKET_NOT_FOUND).
 */
@Injectable()
export class TicketBulkService {
  private readonly logger = new Logger(TicketBulkService.name);

  constructor(private readonly tickets: TicketsService) {}

  async apply(dto: BulkUpdateTicketsDto, actor: Actor): Promise<BulkUpdateResultDto> {
    const { fields, tagEdits } = this.split(dto.changes);
    await this.tickets.assertReferences(fields).catch((error: unknown) => {
      throw prefixFields(error, 'changes');
    });
    const options: TicketUpdateOptions = { tagEdits, referencesChecked: true };
    // A few tickets at a time, each locking its own row in its own short transaction; answers in the order given.
    const items: BulkItemResultDto[] = new Array(dto.ticketIds.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < dto.ticketIds.length) {
        const index = next++;
        items[index] = await this.applyOne(dto.ticketIds[index], fields, options, actor);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, dto.ticketIds.length) }, worker));
    return { items };
  }

  private async applyOne(id: string, fields: UpdateTicketDto, options: TicketUpdateOptions, actor: Actor): Promise<BulkItemResultDto> {
    try {
      await this.tickets.update(id, fields, actor, options);
      return { id, ok: true };
    } catch (error) {
      if (error instanceof AppException) {
        return { id, ok: false, error: { statusCode: STATUS_BY_KIND[error.kind], code: error.code, message: error.message } };
      }
      this.logger.error(`Bulk change of ticket ${id} failed: ${(error as Error).message}`, (error as Error).stack);
      return { id, ok: false, error: { statusCode: 500, code: 'INTERNAL_SERVER_ERROR', message: 'The ticket could not be changed' } };
    }
  }

  /** The changes as PATCH takes them, and the tag edits; at least one change is needed. */
  private split(changes: BulkTicketChangesDto): { fields: UpdateTicketDto; tagEdits?: { add: string[]; remove: string[] } } {
    const { addTags, removeTags, ...rest } = changes;
    const fields = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as UpdateTicketDto;
    const hasTags = (addTags?.length ?? 0) + (removeTags?.length ?? 0) > 0;
    if (Object.keys(fields).length === 0 && !hasTags) {
      const message = 'changes must name at least one of status, priority, assigneeId, queueId, addTags, removeTags';
      throw new BadRequestException({ message, details: { code: 'VALIDATION_FAILED', fields: [{ field: 'changes', errors: [message] }] } });
    }
    return { fields, tagEdits: hasTags ? { add: addTags ?? [], remove: removeTags ?? [] } : undefined };
  }
}

/** Names the request's fields where they sit (`queueId` → `changes.queueId`). */
function prefixFields(error: unknown, parent: string): unknown {
  if (!(error instanceof AppException)) return error;
  const fields = (error.details as { fields?: FieldErrors }).fields;
  for (const entry of fields ?? []) {
    const field = `${parent}.${entry.field}`;
    entry.errors = entry.errors.map((message) => message.replace(entry.field, field));
    entry.field = field;
  }
  return error;
}
