import { Injectable, Logger } from '@nestjs/common';
import { TicketAutomationHooks } from '../tickets/automation/ticket-automation.hooks.js';
import { SlaConfigCache } from './sla-config.cache.js';
import { SlaRecountRepository, type RecountedTicket } from './sla-recount.repository.js';
import { TicketSlaRepository } from './ticket-sla.repository.js';
import { changedColumns, TicketSlaService } from './ticket-sla.service.js';

/** Tickets per page of the recount: one short transaction and one UPDATE each. */
const PAGE = 1_000;
/** Tickets recounted between two turns of the event loop. */
const YIELD_EVERY = 50;

/** What a recount did. */
export interface RecountSummary {
  /** Unresolved tickets looked at. */
  tickets: number;
  /** Tickets whose deadlines moved. */
  changed: number;
  milliseconds: number;
}

/**
 * Worker role. A changed policy or calendar applies to open tickets from then
 * on: the change queues one recount job (SlaRecountRequests), and this
 * recounts every unresolved ticket's deadlines from the ticket's own start and
 * pauses, a page at a time — the page's tickets locked together, recounted,
 * and written back with one statement in one short transaction. A ticket that
 * someone is changing at that moment is not waited for: it is recounted on
 * its own after the pages (by then its own change has recounted it too), so
 * ingest and agents never queue behind the recount.
 */
@Injectable()
export class SlaRecountService {
  private readonly logger = new Logger('SlaRecount');

  constructor(
    private readonly pages: SlaRecountRepository,
    private readonly single: TicketSlaRepository,
    private readonly slas: TicketSlaService,
    private readonly hooks: TicketAutomationHooks,
    private readonly config: SlaConfigCache,
  ) {}

  async recountAll(): Promise<RecountSummary> {
    const started = Date.now();
    // The change may have been made by another process: read the configuration as it is now.
    this.config.invalidate();
    let tickets = 0;
    let changed = 0;
    const busy: string[] = [];
    for (let after: string | null = null; ;) {
      const ids = await this.pages.unresolvedAfter(after, PAGE);
      if (ids.length === 0) break;
      const page = await this.pages.transaction(async (manager) => {
        const contexts = await this.pages.lockFree(manager, ids);
        const now = new Date();
        const recounted: RecountedTicket[] = [];
        for (const [i, context] of contexts.entries()) {
          // Requests served by the same process get their turn between the tickets of a page.
          if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
          const columns = await this.slas.deadlinesFor(context, now);
          if (Object.keys(changedColumns(context.ticket, columns)).length) recounted.push({ id: context.ticket.id, columns });
        }
        await this.pages.write(manager, recounted);
        return { locked: new Set(contexts.map((c) => c.ticket.id)), changed: recounted.length };
      });
      tickets += page.locked.size;
      changed += page.changed;
      busy.push(...ids.filter((id) => !page.locked.has(id)));
      if (ids.length < PAGE) break;
      after = ids[ids.length - 1];
    }
    for (const id of busy) {
      const tasks = await this.single.transaction(async (manager) => {
        if (!(await this.single.locked(manager, id))) return [];
        tickets += 1;
        return this.slas.onChange(manager, { ticketId: id, trigger: null, messageId: null, statusBefore: null });
      });
      await this.hooks.afterCommit(tasks);
    }
    const summary = { tickets, changed, milliseconds: Date.now() - started };
    this.logger.log(`recounted the deadlines of ${summary.tickets} open tickets (${summary.changed} moved) in ${summary.milliseconds} ms`);
    return summary;
  }
}
