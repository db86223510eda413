import { Injectable } from '@nestjs/common';
import {
  isCatchAllSlaPolicy, matchSlaPolicy, slaConditionMismatches, slaPolicyDeadlines, validateSlaPolicy, type BusinessCalendar, type SlaConditions,
  type SlaPause, type SlaPauseStatus, type SlaPolicy, type SlaPolicyDeadlines, type SlaTarget, type SlaTargetDeadline, type SlaTicketFacts,
  type SlaWarning,
} from '@okienko/domain';
import type { CreateSlaPolicyDto } from './dtos/create-sla-policy.dto.js';
import type { MatchSlaPolicyDto } from './dtos/match-sla-policy.dto.js';
import type { SlaDeadlineDto, SlaMatchResultDto } from './dtos/sla-match-result.dto.js';
import { SlaPolicyDto } from './dtos/sla-policy.dto.js';
import type { UpdateSlaPolicyDto } from './dtos/update-sla-policy.dto.js';
import type { SlaPolicyEntity } from './entities/sla-policy.entity.js';
import { localDateTime } from './local-date-time.js';
import { problemFields, type PlacedProblem } from './problem-fields.js';
import { SlaConfigCache, type NamedCalendar, type SlaConfigSnapshot } from './sla-config.cache.js';
import { SlaRecountRequests } from './sla-recount-requests.js';
import { SlaPoliciesRepository } from './sla-policies.repository.js';
import { SlaException, SlaErrorCode } from './sla.exception.js';

/** A policy as written (a request merged with the stored policy), before the checks. */
interface PolicyDraft {
  name: string;
  enabled: boolean;
  order?: number;
  conditions: unknown;
  firstResponse: unknown;
  nextResponse: unknown;
  resolution: unknown;
  calendarId: unknown;
  pauseStatuses: unknown;
  warning: unknown;
}

/** A policy after the checks, in the form it is stored. */
interface CheckedPolicy {
  name: string;
  enabled: boolean;
  conditions: Required<SlaConditions>;
  firstResponse: SlaTarget | null;
  nextResponse: SlaTarget | null;
  resolution: SlaTarget | null;
  calendarId: string | null;
  pauseStatuses: SlaPauseStatus[];
  warning: SlaWarning;
}

const DEFAULT_WARNING: SlaWarning = { percent: 80 };

/**
 * SLA policies: admins write them (each saved only when it can work), the
 * ticket side asks which one applies (`policyFor`), on which calendar
 * (`calendarFor`) and by when (`deadlinesFor`). Those answers come from a
 * short in-process cache that every change here and to calendars clears.
 */
@Injectable()
export class SlaPoliciesService {
  constructor(
    private readonly policies: SlaPoliciesRepository,
    private readonly cache: SlaConfigCache,
    private readonly recount: SlaRecountRequests,
  ) {}

  /** Every policy, in the order they are tried. */
  list(): Promise<SlaPolicyEntity[]> {
    return this.policies.list();
  }

  async get(id: string): Promise<SlaPolicyEntity> {
    const policy = await this.policies.findById(id);
    if (!policy) throw new SlaException(SlaErrorCode.PolicyNotFound, `SLA policy ${id} does not exist`);
    return policy;
  }

  /**
   * Creates a policy. Without `order`, a policy with conditions goes just
   * before the first enabled catch-all (so the catch-all keeps catching what
   * is left), a catch-all goes last; the positions are then 10, 20, 30…
   */
  async create(dto: CreateSlaPolicyDto): Promise<SlaPolicyEntity> {
    const policy = await this.checked({
      name: dto.name,
      enabled: dto.enabled ?? true,
      order: dto.order,
      conditions: dto.conditions ?? {},
      firstResponse: dto.firstResponse ?? null,
      nextResponse: dto.nextResponse ?? null,
      resolution: dto.resolution ?? null,
      calendarId: dto.calendarId ?? null,
      pauseStatuses: dto.pauseStatuses ?? ['waiting_customer'],
      warning: dto.warning === undefined ? DEFAULT_WARNING : (dto.warning ?? {}),
    });
    const id = await this.policies
      .orderedTransaction(async (manager) => {
        const ordered = await this.policies.list(manager);
        const created = await this.policies.insert(manager, { ...policy, description: dto.description?.trim() || null, position: dto.order ?? 0 });
        if (dto.order === undefined) {
          const ids = ordered.map((p) => p.id);
          const catchAll = isCatchAllSlaPolicy(policy.conditions) ? -1 : ordered.findIndex((p) => p.enabled && isCatchAllSlaPolicy(p.conditions));
          ids.splice(catchAll < 0 ? ids.length : catchAll, 0, created.id);
          await this.policies.setPositions(manager, ids);
        }
        return created.id;
      })
      .catch((error: unknown) => rethrowNameTaken(error, policy.name));
    this.cache.invalidate();
    // Open tickets follow the new configuration from now on.
    await this.recount.request();
    return this.get(id);
  }

  /** Changes the fields given; the policy is checked as a whole afterwards. */
  async update(id: string, dto: UpdateSlaPolicyDto): Promise<SlaPolicyEntity> {
    const current = await this.get(id);
    const given = (value: unknown, stored: unknown): unknown => (value !== undefined ? value : stored);
    const policy = await this.checked({
      name: dto.name ?? current.name,
      enabled: dto.enabled ?? current.enabled,
      order: dto.order ?? current.position,
      conditions: given(dto.conditions, current.conditions),
      firstResponse: given(dto.firstResponse, current.firstResponse),
      nextResponse: given(dto.nextResponse, current.nextResponse),
      resolution: given(dto.resolution, current.resolution),
      calendarId: given(dto.calendarId, current.calendarId),
      pauseStatuses: given(dto.pauseStatuses, current.pauseStatuses),
      warning: dto.warning !== undefined ? (dto.warning ?? {}) : current.warning,
    });
    await this.policies
      .update(id, {
        ...policy,
        ...(dto.description !== undefined ? { description: dto.description?.trim() || null } : {}),
        position: dto.order ?? current.position,
      })
      .catch((error: unknown) => rethrowNameTaken(error, policy.name));
    this.cache.invalidate();
    // Open tickets follow the new configuration from now on.
    await this.recount.request();
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.policies.delete(id))) throw new SlaException(SlaErrorCode.PolicyNotFound, `SLA policy ${id} does not exist`);
    this.cache.invalidate();
    // Open tickets follow the new configuration from now on.
    await this.recount.request();
  }

  /** Puts every policy in the given order (positions 10, 20, 30…). */
  async reorder(ids: string[]): Promise<SlaPolicyEntity[]> {
    const wanted = ids.map((id) => id.toLowerCase());
    const ordered = await this.policies.orderedTransaction(async (manager) => {
      if (new Set(wanted).size !== wanted.length) orderInvalid('a policy is listed twice');
      const all = await this.policies.list(manager);
      const known = new Set(all.map((p) => p.id));
      const stranger = wanted.find((id) => !known.has(id));
      if (stranger) orderInvalid(`SLA policy ${stranger} does not exist`);
      if (wanted.length !== all.length) {
        const missing = all.filter((p) => !wanted.includes(p.id)).map((p) => `${p.id} (${p.name})`);
        orderInvalid(`every policy must be listed; missing: ${missing.join(', ')}`);
      }
      await this.policies.setPositions(manager, wanted);
      return this.policies.list(manager);
    });
    this.cache.invalidate();
    // Open tickets follow the new configuration from now on.
    await this.recount.request();
    return ordered;
  }

  /**
   * Which policy applies to a ticket (a stored one, one described in the
   * request, or a stored one with some fields replaced), why each policy
   * does or does not match, and the deadlines counted from `start`.
   */
  async match(dto: MatchSlaPolicyDto): Promise<SlaMatchResultDto> {
    const stored = dto.ticketId ? await this.policies.ticketFacts(dto.ticketId) : null;
    if (dto.ticketId && !stored) throw new SlaException(SlaErrorCode.TicketNotFound, `Ticket ${dto.ticketId} does not exist`);
    const ticket: SlaTicketFacts = {
      queueId: dto.queueId !== undefined ? dto.queueId : (stored?.queueId ?? null),
      categoryId: dto.categoryId !== undefined ? dto.categoryId : (stored?.categoryId ?? null),
      priority: dto.priority ?? stored?.priority ?? 'normal',
      channel: dto.channel ?? stored?.channel ?? 'email',
      customerTags: dto.customerTags ?? stored?.customerTags ?? [],
    };
    const start = dto.start ? new Date(dto.start) : (stored?.createdAt ?? new Date());
    const snapshot = await this.cache.get();
    const policy = matchSlaPolicy(snapshot.policies, ticket);
    const calendar = policy ? this.namedCalendar(snapshot, policy) : null;
    return {
      ticket: { ticketId: stored?.id ?? null, ...ticket, customerTags: [...ticket.customerTags] },
      start: start.toISOString(),
      policy: policy ? SlaPolicyDto.from(snapshot.entities.get(policy.id)!) : null,
      calendar: calendar ? { id: calendar.id, name: calendar.name, timeZone: calendar.calendar.timeZone } : null,
      deadlines: policy && calendar ? deadlinesDto(slaPolicyDeadlines(policy, calendar.calendar, start), calendar.calendar.timeZone) : null,
      candidates: snapshot.policies.map((p) => {
        const failedConditions = slaConditionMismatches(p.conditions, ticket);
        return { id: p.id, name: p.name, order: p.order, enabled: p.enabled, matches: failedConditions.length === 0, failedConditions };
      }),
    };
  }

  // ---- for the ticket side ----

  /** The policy that applies to a ticket: the first enabled one, by order, whose conditions hold; null when none does. */
  async policyFor(ticket: SlaTicketFacts): Promise<SlaPolicy | null> {
    return matchSlaPolicy((await this.cache.get()).policies, ticket);
  }

  /** The calendar the policy's business-time targets count on: its own, else the default calendar. */
  async calendarFor(policy: Pick<SlaPolicy, 'calendarId'>): Promise<BusinessCalendar> {
    return this.namedCalendar(await this.cache.get(), policy).calendar;
  }

  /** Every target of the policy counted from `start` on its calendar, with the pauses taken out. */
  async deadlinesFor(policy: SlaPolicy, start: Date, pauses: readonly SlaPause[] = []): Promise<SlaPolicyDeadlines> {
    return slaPolicyDeadlines(policy, await this.calendarFor(policy), start, pauses);
  }

  private namedCalendar(snapshot: SlaConfigSnapshot, policy: Pick<SlaPolicy, 'calendarId'>): NamedCalendar {
    return (policy.calendarId && snapshot.calendars.get(policy.calendarId)) || snapshot.defaultCalendar;
  }

  /** The policy in its stored form, after every check; problems answer 400 SLA_POLICY_INVALID naming each place. */
  private async checked(draft: PolicyDraft): Promise<CheckedPolicy> {
    const candidate = { ...draft, conditions: withoutNulls(draft.conditions), warning: withoutNulls(draft.warning) };
    const problems: PlacedProblem[] = validateSlaPolicy(candidate);
    if (problems.length === 0) problems.push(...(await this.missingReferences(candidate.conditions as SlaConditions, candidate.calendarId as string | null)));
    if (problems.length > 0) {
      throw new SlaException(SlaErrorCode.PolicyInvalid, problems.map((p) => p.message).join('; '), { fields: problemFields(problems) });
    }
    const conditions = candidate.conditions as SlaConditions;
    const target = (value: unknown): SlaTarget | null => (value === null ? null : { minutes: (value as SlaTarget).minutes, mode: (value as SlaTarget).mode });
    const warning = candidate.warning as SlaWarning;
    return {
      name: draft.name.trim(),
      enabled: draft.enabled,
      conditions: {
        queueIds: (conditions.queueIds ?? []).map((id) => id.toLowerCase()),
        categoryIds: (conditions.categoryIds ?? []).map((id) => id.toLowerCase()),
        priorities: [...(conditions.priorities ?? [])],
        channels: [...(conditions.channels ?? [])],
        customerTags: (conditions.customerTags ?? []).map((tag) => tag.trim()),
      },
      firstResponse: target(candidate.firstResponse),
      nextResponse: target(candidate.nextResponse),
      resolution: target(candidate.resolution),
      calendarId: (candidate.calendarId as string | null)?.toLowerCase() ?? null,
      pauseStatuses: [...(candidate.pauseStatuses as SlaPauseStatus[])],
      warning: warning.percent !== undefined ? { percent: warning.percent } : warning.minutesBefore !== undefined ? { minutesBefore: warning.minutesBefore } : {},
    };
  }

  /** Queues, categories and the calendar the policy names must exist. */
  private async missingReferences(conditions: SlaConditions, calendarId: string | null): Promise<PlacedProblem[]> {
    const problems: PlacedProblem[] = [];
    const lists = [
      { key: 'queueIds', table: 'queues', what: 'queue', ids: conditions.queueIds ?? [] },
      { key: 'categoryIds', table: 'categories', what: 'category', ids: conditions.categoryIds ?? [] },
    ] as const;
    for (const { key, table, what, ids } of lists) {
      const found = await this.policies.existingIds(table, ids);
      ids.forEach((id, index) => {
        const path = `conditions.${key}[${index}]`;
        if (!found.has(id.toLowerCase())) problems.push({ path, message: `${path}: ${id} is not an existing ${what}` });
      });
    }
    if (calendarId !== null && !(await this.policies.existingIds('calendars', [calendarId])).has(calendarId.toLowerCase())) {
      problems.push({ path: 'calendarId', message: `calendarId: ${calendarId} is not an existing calendar` });
    }
    return problems;
  }
}

function deadlinesDto(deadlines: SlaPolicyDeadlines, timeZone: string): Record<keyof SlaPolicyDeadlines, SlaDeadlineDto | null> {
  const one = (deadline: SlaTargetDeadline | null): SlaDeadlineDto | null =>
    deadline && {
      minutes: deadline.minutes,
      mode: deadline.mode,
      dueAt: deadline.dueAt?.toISOString() ?? null,
      dueAtLocal: deadline.dueAt ? localDateTime(deadline.dueAt, timeZone) : null,
      warnAt: deadline.warnAt?.toISOString() ?? null,
      warnAtLocal: deadline.warnAt ? localDateTime(deadline.warnAt, timeZone) : null,
    };
  return { firstResponse: one(deadlines.firstResponse), nextResponse: one(deadlines.nextResponse), resolution: one(deadlines.resolution) };
}

/** `{ percent: null }` reads as `{}`: what the API answers can be sent back as it is. */
function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

function orderInvalid(message: string): never {
  throw new SlaException(SlaErrorCode.OrderInvalid, message, { fields: [{ field: 'ids', errors: [`ids: ${message}`] }] });
}

/** A name taken (also meanwhile, by a concurrent request): the unique index answers. */
function rethrowNameTaken(error: unknown, name: string): never {
  const { code, constraint } = error as { code?: string; constraint?: string };
  if (code === '23505' && constraint === 'sla_policies_name_key') {
    const message = `An SLA policy with the name ${name} exists already`;
    throw new SlaException(SlaErrorCode.PolicyNameTaken, message, { fields: [{ field: 'name', errors: [message] }] });
  }
  throw error;
}
