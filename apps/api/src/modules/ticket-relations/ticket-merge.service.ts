import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../core/auth/actor.js';
import { TicketAutomationHooks, type AfterCommit } from '../tickets/automation/ticket-automation.hooks.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { TicketAccessPolicy, ticketNotFound } from '../tickets/ticket-access.policy.js';
import { auditActor, fieldChangeEvents } from '../tickets/ticket-audit.js';
import { wakeUp } from '../tickets/ticket-snooze.js';
import { TicketsRepository, type NewTicketEvent } from '../tickets/tickets.repository.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { closingPatch } from './closing-patch.js';
import { TicketRelationsErrorCode, TicketRelationsException } from './ticket-relations.exception.js';
import { TicketRelationsRepository } from './ticket-relations.repository.js';

function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/**
 * Merging tickets: the sources' messages (with their attachments) and
 * watchers move into the target; each source is closed and points at the
 * target (`merged_into_id`), so later mail on its thread lands in the target.
 * A `merged` event on each source and a `merged_from` event on the target.
 */
@Injectable()
export class TicketMergeService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly ticketRows: TicketsRepository,
    private readonly relations: TicketRelationsRepository,
    private readonly access: TicketAccessPolicy,
    private readonly automation: TicketAutomationHooks,
  ) {}

  async merge(ref: string, sourceRefs: string[], actor: Actor): Promise<TicketEntity> {
    const target = await this.tickets.get(ref, actor);
    const sources: TicketEntity[] = [];
    for (const sourceRef of sourceRefs) {
      const source = await this.tickets.get(sourceRef, actor);
      if (!sources.some((s) => s.id === source.id)) sources.push(source);
    }
    assertMergeable(target, sources);

    let afterCommit: AfterCommit[] = [];
    await this.ticketRows.transaction(async (manager) => {
      const locked = await this.lockAll(manager, actor, [target.id, ...sources.map((s) => s.id)]);
      const lockedTarget = locked.get(target.id)!;
      const lockedSources = sources.map((s) => locked.get(s.id)!);
      // Judged again under the locks: a concurrent merge may have moved any of them meanwhile.
      assertMergeable(lockedTarget, lockedSources);
      afterCommit = await this.mergeLocked(manager, actor, lockedTarget, lockedSources);
    });
    await this.automation.afterCommit(afterCommit);
    return (await this.ticketRows.findById(target.id))!;
  }

  private async mergeLocked(manager: EntityManager, actor: Actor, target: TicketEntity, sources: TicketEntity[]): Promise<AfterCommit[]> {
    const who = auditActor(actor);
    const now = new Date();
    const events: NewTicketEvent[] = [];
    let lastInboundAt = target.lastInboundAt;
    let lastOutboundAt = target.lastOutboundAt;
    for (const source of sources) {
      const moved = await this.relations.moveAllMessages(manager, source.id, target.id);
      const attachments = await this.relations.attachmentCount(manager, moved);
      await this.relations.moveWatchers(manager, source.id, target.id);
      // A snoozed source wakes now: it is closed, and nothing of it is left to come back to.
      const wake = wakeUp(source, 'status_changed', who);
      const patch: Partial<TicketEntity> = { ...closingPatch(source.status, now), ...wake.patch, mergedIntoId: target.id, updatedAt: now };
      await this.ticketRows.updateTicket(manager, source.id, patch);
      await this.ticketRows.addInboundAddresses(manager, target.id, source.inboundAddresses);
      lastInboundAt = later(lastInboundAt, source.lastInboundAt);
      lastOutboundAt = later(lastOutboundAt, source.lastOutboundAt);
      const counts = { messageCount: moved.length, attachmentCount: attachments };
      events.push(
        ...fieldChangeEvents(source, patch, who),
        ...wake.events,
        {
          ticketId: source.id, type: 'merged', ...who, field: null, oldValue: null,
          newValue: { ticketId: target.id, number: target.number, subject: target.subject, ...counts },
        },
        {
          ticketId: target.id, type: 'merged_from', ...who, field: null, oldValue: null,
          newValue: { ticketId: source.id, number: source.number, subject: source.subject, customerId: source.customerId, ...counts },
        },
      );
    }
    await this.ticketRows.updateTicket(manager, target.id, { lastInboundAt, lastOutboundAt, updatedAt: now });
    await this.relations.refreshSearch(manager, [target.id, ...sources.map((s) => s.id)]);
    await this.ticketRows.insertEvents(manager, events);
    // The deadlines follow (a closed source stops its clocks); the rules do not run: nothing was said to the customer.
    const afterCommit: AfterCommit[] = [];
    for (const ticket of [...sources, target]) {
      afterCommit.push(...(await this.automation.afterRules(manager, { ticketId: ticket.id, trigger: null, messageId: null, statusBefore: ticket.status })));
    }
    return afterCommit;
  }

  /** Locks the tickets in id order (two merges of the same tickets never wait on each other crosswise). */
  private async lockAll(manager: EntityManager, actor: Actor, ids: string[]): Promise<Map<string, TicketEntity>> {
    const locked = new Map<string, TicketEntity>();
    for (const id of [...ids].sort()) {
      const ticket = await this.ticketRows.findForUpdate(manager, id);
      if (!ticket) throw ticketNotFound(id);
      await this.access.assertCanSee(actor, ticket, id);
      locked.set(id, ticket);
    }
    return locked;
  }
}

function assertMergeable(target: TicketEntity, sources: TicketEntity[]): void {
  if (target.mergedIntoId) {
    throw new TicketRelationsException(
      TicketRelationsErrorCode.TargetMerged,
      `Ticket ${target.number} was merged into another ticket itself; merge into that one`,
      { ticketId: target.id, mergedIntoId: target.mergedIntoId },
    );
  }
  for (const source of sources) {
    if (source.id === target.id) {
      throw new TicketRelationsException(TicketRelationsErrorCode.MergeIntoItself, `Ticket ${target.number} cannot be merged into itself`, {
        ticketId: target.id, fields: [{ field: 'sourceIds', errors: ['sourceIds must not name the ticket merged into'] }],
      });
    }
    if (source.mergedIntoId) {
      throw new TicketRelationsException(TicketRelationsErrorCode.AlreadyMerged, `Ticket ${source.number} is merged already`, {
        ticketId: source.id, mergedIntoId: source.mergedIntoId,
      });
    }
  }
}
