import { Injectable, Logger } from '@nestjs/common';
import { TicketAutomationHooks } from '../tickets/automation/ticket-automation.hooks.js';
import { TicketSlaRepository } from './ticket-sla.repository.js';
import { TicketSlaService } from './ticket-sla.service.js';

/** Tickets per page of the recount. */
const PAGE = 500;

/**
 * Worker role. A changed policy or calendar applies to open tickets from then
 * on: the change queues one recount job (SlaRecountRequests), and this recounts every unresolved
 * ticket's deadlines page by page, each in its own short transaction (so
 * ingest never waits on it), from the ticket's own start and pauses.
 */
@Injectable()
export class SlaRecountService {
  private readonly logger = new Logger('SlaRecount');

  constructor(
    private readonly repository: TicketSlaRepository,
    private readonly slas: TicketSlaService,
    private readonly hooks: TicketAutomationHooks,
  ) {}

  /** Recounts every unresolved ticket; answers how many changed. */
  async recountAll(): Promise<number> {
    let changed = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await this.repository.unresolvedAfter(after, PAGE);
      for (const id of ids) {
        const tasks = await this.repository.transaction(async (manager) => {
          if (!(await this.repository.locked(manager, id))) return [];
          changed += 1;
          return this.slas.onChange(manager, { ticketId: id, trigger: null, messageId: null, statusBefore: null });
        });
        await this.hooks.afterCommit(tasks);
      }
      if (ids.length < PAGE) break;
      after = ids[ids.length - 1];
    }
    this.logger.log(`recounted the deadlines of ${changed} open tickets`);
    return changed;
  }
}
