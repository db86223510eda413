import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseTicketSearch } from '@okienko/domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { TicketEntity } from './entities/ticket.entity.js';
import type { ListTicketsFilter, TodayFilter } from './list-tickets-filter.js';
import { encodeTicketListCursor, type TicketListCursor } from './ticket-list-cursor.js';
import { countAmongNewest } from './ticket-search-count.js';
import { NEAREST_DUE_SQL, SLA_STATE_SQL } from './ticket-sla-sql.js';

/**
 * Selected as `sort_key`. None may be written as `t.<property>`: TypeORM would
 * take that for the entity's own column under another alias and leave the
 * property out of the loaded tickets (sorting by number answered no numbers).
 */
const SORT_COLUMNS = {
  createdAt: 't.created_at',
  updatedAt: 't.updated_at',
  number: '(t.number)',
  priority: `(CASE t.priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END)`,
  dueAt: NEAREST_DUE_SQL,
} as const;

/** Not snoozed, or snoozed until a moment that has come (the sweep wakes it shortly). */
const NOT_SNOOZED_SQL = '(t.snoozed_until IS NULL OR t.snoozed_until <= now())';

/**
 * Totals are counted exactly up to this many matching tickets; beyond it the
 * list says "10 000+" (`totalIsExact: false`): counting hundreds of thousands
 * of matches would cost more than finding the page itself.
 */
export const EXACT_TOTAL_LIMIT = 10_000;

/** One page of the ticket list: the tickets, how many match (at most EXACT_TOTAL_LIMIT) and whether that is all of them. */
export interface TicketPage {
  items: TicketEntity[];
  total: number;
  totalIsExact: boolean;
  /** Where the next page starts (`after`), when this page is full; null on the last page. */
  nextCursor: string | null;
}

/** A timestamp as text with every microsecond, in UTC: what a cursor carries. */
const cursorTime = (sql: string) => `to_char((${sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** How a cursor's sort value is read back in SQL, per sort column. */
const CURSOR_KEY_TYPE: Record<keyof typeof SORT_COLUMNS, string> = {
  createdAt: 'timestamptz', updatedAt: 'timestamptz', number: 'text', priority: 'int', dueAt: 'timestamptz',
};

/** A search for one ticket number, as typed or copied from a subject tag: `2026-000123`, `#2026-000123`, `[#2026-000123]`. */
const TICKET_NUMBER_QUERY = /^\s*\[?#?(\d{4}-\d{6,})\]?\s*$/;

function sortColumn(sort: ListTicketsFilter['sort']): keyof typeof SORT_COLUMNS {
  return sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS;
}

/**
 * The tickets after the cursor's in the list's order: (sort value, then creation
 * time descending, then id descending); tickets without a deadline last when
 * sorted by it. The newest-first list is one row comparison its index serves.
 */
function afterCursor(cursor: TicketListCursor, column: keyof typeof SORT_COLUMNS, direction: 'ASC' | 'DESC'): [string, Record<string, unknown>] {
  const parameters = { cursorKey: cursor.key, cursorCreated: cursor.createdAt, cursorId: cursor.id };
  const tie = '(t.created_at, t.id) < (CAST(:cursorCreated AS timestamptz), CAST(:cursorId AS uuid))';
  if (column === 'createdAt' && direction === 'DESC') return [tie, parameters];
  const key = SORT_COLUMNS[column];
  if (cursor.key === null) return [`(${key} IS NULL AND ${tie})`, parameters];
  const value = `CAST(:cursorKey AS ${CURSOR_KEY_TYPE[column]})`;
  const beyond = `${key} ${direction === 'DESC' ? '<' : '>'} ${value} OR (${key} = ${value} AND ${tie})`;
  return [column === 'dueAt' ? `(${beyond} OR ${key} IS NULL)` : `(${beyond})`, parameters];
}

/** The ticket lists: the filtered, sorted, paged list and the "today" views. */
@Injectable()
export class TicketListsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of tickets matching the filter, and how many match (exactly up to EXACT_TOTAL_LIMIT). */
  async list(filter: ListTicketsFilter): Promise<TicketPage> {
    if (filter.q === undefined) {
      const [page, count] = await Promise.all([this.readPage(filter, this.dataSource.manager), this.cappedCount(filter, this.dataSource.manager)]);
      return this.pageOf(page, count);
    }
    // A search. The planner's guess of how many tickets match a word can be far off (a rare word is guessed at thousands),
    // and guessing wrong reads every ticket. So the matches are counted first: a search the planner expects to match a
    // large share of the tickets among the newest tickets (countAmongNewest), any other through the search index; and the
    // page is read the way that suits their number: a few thousand straight from the search index and sorted; more than
    // the count goes by walking the list's order until the page is full.
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      await manager.query('SET LOCAL enable_indexscan = off');
      // Room for an exact bitmap of a common word's matches at a million tickets: the default 4 MB makes it lossy, and
      // every ticket of a lossy page is read and matched again (about a third of a search's time there).
      await manager.query(`SET LOCAL work_mem = '16MB'`);
      const count = (await this.commonMatchesCount(filter, manager)) ?? (await this.cappedCount(filter, manager));
      if (count > EXACT_TOTAL_LIMIT) {
        await manager.query('SET LOCAL enable_seqscan = on');
        await manager.query('SET LOCAL enable_indexscan = on');
      }
      return this.pageOf(await this.readPage(filter, manager), count);
    });
  }

  private pageOf({ items, nextCursor }: { items: TicketEntity[]; nextCursor: string | null }, count: number): TicketPage {
    return { items, total: Math.min(count, EXACT_TOTAL_LIMIT), totalIsExact: count <= EXACT_TOTAL_LIMIT, nextCursor };
  }

  /** The filter's page in its order, and the cursor of its last ticket when the page is full. */
  private async readPage(filter: ListTicketsFilter, manager: EntityManager): Promise<{ items: TicketEntity[]; nextCursor: string | null }> {
    const column = sortColumn(filter.sort);
    const keyText = CURSOR_KEY_TYPE[column] === 'timestamptz' ? cursorTime(SORT_COLUMNS[column]) : `(${SORT_COLUMNS[column]})::text`;
    const { entities, raw } = await this.page(filter, manager)
      .addSelect(keyText, 'cursor_key')
      .addSelect(cursorTime('t.created_at'), 'cursor_created')
      .getRawAndEntities<{ cursor_key: string | null; cursor_created: string }>();
    // One raw row per ticket (the query joins nothing): the last row is the last ticket's.
    const [last, lastTicket] = [raw.at(-1), entities.at(-1)];
    const nextCursor = entities.length === filter.limit && last && lastTicket
      ? encodeTicketListCursor({ sort: filter.sort, key: last.cursor_key, createdAt: last.cursor_created, id: lastTicket.id })
      : null;
    return { items: entities, nextCursor };
  }

  /** The filter's page in its order: from `offset`, or right after the cursor's ticket. */
  private page(filter: ListTicketsFilter, manager: EntityManager): SelectQueryBuilder<TicketEntity> {
    const column = sortColumn(filter.sort);
    const direction = filter.sort.startsWith('-') ? 'DESC' as const : 'ASC' as const;
    const q = this.filtered(filter, manager)
      .addSelect(SORT_COLUMNS[column], 'sort_key')
      // Tickets without a running deadline come last either way.
      .orderBy('sort_key', direction, column === 'dueAt' ? 'NULLS LAST' : undefined)
      .addOrderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .offset(filter.offset)
      .limit(filter.limit);
    if (filter.after) q.andWhere(...afterCursor(filter.after, column, direction));
    return q;
  }

  /** More than EXACT_TOTAL_LIMIT matches of a search for common words, found among the newest tickets (null: not found there). */
  private commonMatchesCount(filter: ListTicketsFilter, manager: EntityManager): Promise<number | null> {
    const [sql, parameters] = this.filtered(filter, manager).select('1').getQueryAndParameters();
    return countAmongNewest(manager, sql, parameters, { cap: EXACT_TOTAL_LIMIT });
  }

  /** How many tickets match, counting no further than one past EXACT_TOTAL_LIMIT. */
  private async cappedCount(filter: ListTicketsFilter, manager: EntityManager): Promise<number> {
    const [sql, parameters] = this.filtered(filter, manager).select('1').limit(EXACT_TOTAL_LIMIT + 1).getQueryAndParameters();
    const rows: { count: string }[] = await manager.query(`SELECT count(*) AS count FROM (${sql}) capped`, parameters);
    return Number(rows[0]?.count ?? 0);
  }

  /**
   * The unresolved tickets of a "today" view: urgent and breached first, then
   * by the nearest deadline, then the rest oldest first; `assigneeId` keeps
   * one agent's, `memberId` those in the queues the user is a member or lead of.
   */
  async today(filter: TodayFilter): Promise<[TicketEntity[], number]> {
    const scoped = () => {
      const q = this.dataSource.manager.getRepository(TicketEntity).createQueryBuilder('t').where(`t.status NOT IN ('resolved', 'closed')`).andWhere(NOT_SNOOZED_SQL);
      if (filter.access) q.andWhere(filter.access.sql, filter.access.parameters);
      if (filter.assigneeId) q.andWhere('t.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
      if (filter.memberId) {
        q.andWhere(
          `t.queue_id IN (SELECT m.queue_id FROM queue_members m WHERE m.user_id = :memberId UNION SELECT l.id FROM queues l WHERE l.lead_id = :memberId)`,
          { memberId: filter.memberId },
        );
      }
      return q;
    };
    const page = scoped()
      .addSelect(`(CASE WHEN t.priority = 'urgent' OR ${SLA_STATE_SQL} = 'breached' THEN 0 ELSE 1 END)`, 'first_key')
      .addSelect(NEAREST_DUE_SQL, 'due_key')
      .orderBy('first_key', 'ASC')
      .addOrderBy('due_key', 'ASC', 'NULLS LAST')
      .addOrderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .offset(filter.offset)
      .limit(filter.limit);
    const [items, count] = await Promise.all([page.getMany(), scoped().select('count(*)', 'count').getRawOne<{ count: string }>()]);
    return [items, Number(count?.count ?? 0)];
  }

  private filtered(filter: ListTicketsFilter, manager: EntityManager): SelectQueryBuilder<TicketEntity> {
    const q = manager.getRepository(TicketEntity).createQueryBuilder('t');
    if (filter.access) q.andWhere(filter.access.sql, filter.access.parameters);
    if (filter.status?.length) q.andWhere('t.status IN (:...status)', { status: filter.status });
    if (filter.priority?.length) q.andWhere('t.priority IN (:...priority)', { priority: filter.priority });
    if (filter.queueId === null) q.andWhere('t.queue_id IS NULL');
    else if (filter.queueId) q.andWhere('t.queue_id = :queueId', { queueId: filter.queueId });
    if (filter.categoryId) q.andWhere('t.category_id = :categoryId', { categoryId: filter.categoryId });
    if (filter.assigneeId === null) q.andWhere('t.assignee_id IS NULL');
    else if (filter.assigneeId) q.andWhere('t.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.channel) q.andWhere('t.channel = :channel', { channel: filter.channel });
    if (filter.customerId) q.andWhere('t.customer_id = :customerId', { customerId: filter.customerId });
    if (filter.tag) q.andWhere('t.tags @> ARRAY[:tag]::text[]', { tag: filter.tag }); // @> can use the GIN index
    if (filter.createdFrom) q.andWhere('t.created_at >= :createdFrom', { createdFrom: filter.createdFrom });
    if (filter.createdTo) q.andWhere('t.created_at < :createdTo', { createdTo: filter.createdTo });
    if (filter.slaState?.length) q.andWhere(`${SLA_STATE_SQL} IN (:...slaState)`, { slaState: filter.slaState });
    if (filter.dueBefore) q.andWhere(`${NEAREST_DUE_SQL} < :dueBefore`, { dueBefore: filter.dueBefore });
    if (filter.snoozed === 'false') q.andWhere(NOT_SNOOZED_SQL);
    else if (filter.snoozed === 'true') q.andWhere(`t.snoozed_until > now()`);
    if (filter.q !== undefined) {
      // The text parser reads `2026-000123` as 2026 and -000123, which no word query matches: a number is looked up as such.
      const number = TICKET_NUMBER_QUERY.exec(filter.q)?.[1];
      const search = parseTicketSearch(filter.q);
      if (number !== undefined) {
        q.andWhere('t.number = :number', { number });
      } else if (search === null) {
        q.andWhere('false');
      } else {
        if (search.tsQuery !== null) q.andWhere(`t.search_vector @@ to_tsquery('simple', okienko_unaccent(:tsQuery))`, { tsQuery: search.tsQuery });
        search.emailPrefixes.forEach((prefix, i) => {
          q.andWhere(
            `t.customer_id IN (SELECT ci.customer_id FROM customer_identities ci WHERE ci.kind = 'email' AND ci.value LIKE :emailPrefix${i})`,
            { [`emailPrefix${i}`]: `${prefix.replace(/[%_\\]/g, (m) => `\\${m}`)}%` },
          );
        });
      }
    }
    return q;
  }
}
