import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import { auditActor } from '../tickets/ticket-audit.js';
import { CustomerMergesRepository } from './customer-merges.repository.js';
import { CustomersException, CustomersErrorCode } from './customers.exception.js';
import { CustomersRepository } from './customers.repository.js';
import type { DuplicateReason } from './dtos/customer-duplicate.dto.js';
import type { CustomerMergeEntity } from './entities/customer-merge.entity.js';
import type { CustomerEntity } from './entities/customer.entity.js';

/** How long a merge can be undone. */
export const UNMERGE_WINDOW_DAYS = 30;

const DUPLICATES_LIMIT = 20;

/**
 * Merging customers who turned out to be one person: the sources' tickets,
 * identities and their own messages move to the target, each moved ticket
 * records it in its audit trail, and the sources stay as pointers to the
 * target (`mergedIntoId`). A merge records exactly what it moved, so undoing
 * it (within 30 days) moves back exactly that.
 */
@Injectable()
export class CustomerMergeService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly merges: CustomerMergesRepository,
  ) {}

  async merge(targetId: string, sourceIds: string[], actor: Actor): Promise<CustomerEntity> {
    if (sourceIds.includes(targetId)) throw invalidSources('sourceIds must not contain the customer merged into');
    const who = auditActor(actor);
    return this.customers.transaction(async (manager) => {
      const locked = await this.merges.lockCustomers(manager, [targetId, ...sourceIds]);
      const byId = new Map(locked.map((c) => [c.id, c]));
      const target = byId.get(targetId);
      if (!target) throw notFound(targetId);
      if (target.mergedIntoId) throw merged(target);
      for (const sourceId of sourceIds) {
        const source = byId.get(sourceId);
        if (!source) throw notFound(sourceId, 'sourceIds');
        if (source.mergedIntoId) throw merged(source);
      }
      for (const sourceId of sourceIds) {
        const source = byId.get(sourceId)!;
        const moved = await this.merges.move(manager, source.id, target.id);
        await this.merges.recordTicketEvents(manager, moved.ticketIds, 'customer_merged', brief(source), brief(target), who);
        await this.merges.markMerged(manager, source.id, target.id);
        await this.merges.insert(manager, {
          targetId: target.id, sourceId: source.id, ...moved,
          sourceState: { name: source.name, email: source.email, emails: source.emails, phones: source.phones },
          actorType: who.actorType, actorId: who.actorId, actorName: who.actorName,
        });
      }
      await this.customers.syncContactColumns(manager, target.id);
      return (await this.customers.findById(target.id, manager))!;
    });
  }

  /** Undoes the standing merge of `sourceId` into `targetId`: what it moved and is still on the target goes back. */
  async unmerge(targetId: string, sourceId: string, actor: Actor): Promise<CustomerEntity> {
    const who = auditActor(actor);
    return this.customers.transaction(async (manager) => {
      const locked = await this.merges.lockCustomers(manager, [targetId, sourceId]);
      const target = locked.find((c) => c.id === targetId);
      const source = locked.find((c) => c.id === sourceId);
      if (!target) throw notFound(targetId);
      const merge = source ? await this.merges.findStanding(manager, targetId, sourceId) : null;
      if (!source || !merge) {
        throw new CustomersException(CustomersErrorCode.MergeNotFound, `Customer ${sourceId} is not merged into ${targetId}`, {
          fields: [{ field: 'sourceId', errors: [`sourceId is not merged into customer ${targetId}`] }],
        });
      }
      const until = undoableUntil(merge);
      if (until.getTime() < Date.now()) {
        throw new CustomersException(
          CustomersErrorCode.UnmergeExpired,
          `The merge of ${sourceId} into ${targetId} can no longer be undone (possible until ${until.toISOString()})`,
          { undoableUntil: until.toISOString() },
        );
      }
      const back = await this.merges.move(manager, targetId, sourceId, {
        ticketIds: merge.ticketIds, identityIds: merge.identityIds, messageIds: merge.messageIds,
      });
      // The target first: its primary e-mail may have been one of the source's addresses.
      await this.customers.syncContactColumns(manager, targetId);
      await this.merges.restore(manager, sourceId, merge.sourceState);
      await this.customers.syncContactColumns(manager, sourceId);
      await this.merges.recordTicketEvents(manager, back.ticketIds, 'customer_unmerged', brief(target), { id: source.id, name: merge.sourceState.name }, who);
      await this.merges.markUnmerged(manager, merge.id);
      return (await this.customers.findById(sourceId, manager))!;
    });
  }

  mergesInto(targetId: string): Promise<CustomerMergeEntity[]> {
    return this.merges.mergesInto(targetId);
  }

  /** Customers who may be the same person as this one (to confirm and merge); merged ones are left out. */
  async duplicates(customerId: string): Promise<{ customer: CustomerEntity; reasons: DuplicateReason[] }[]> {
    if (!(await this.customers.findById(customerId))) throw notFound(customerId);
    const rows = await this.merges.duplicatesOf(customerId, DUPLICATES_LIMIT);
    const found = new Map((await this.customers.findByIds(rows.map((r) => r.id))).map((c) => [c.id, c]));
    return rows.map((row) => ({
      customer: found.get(row.id)!,
      reasons: [...(row.samePhone ? ['same_phone' as const] : []), ...(row.sameNameAndDomain ? ['same_name_and_domain' as const] : [])],
    }));
  }
}

export function undoableUntil(merge: Pick<CustomerMergeEntity, 'mergedAt'>): Date {
  return new Date(merge.mergedAt.getTime() + UNMERGE_WINDOW_DAYS * 86_400_000);
}

function brief(customer: CustomerEntity): { id: string; name: string | null } {
  return { id: customer.id, name: customer.name ?? customer.email };
}

function notFound(id: string, field?: string): CustomersException {
  return new CustomersException(
    CustomersErrorCode.NotFound,
    `Customer ${id} does not exist`,
    field ? { fields: [{ field, errors: [`${field} names customer ${id}, who does not exist`] }] } : {},
  );
}

function merged(customer: CustomerEntity): CustomersException {
  return new CustomersException(CustomersErrorCode.Merged, `Customer ${customer.id} is merged into ${customer.mergedIntoId}`, {
    customerId: customer.id, mergedIntoId: customer.mergedIntoId,
  });
}

function invalidSources(message: string): CustomersException {
  return new CustomersException(CustomersErrorCode.MergeInvalid, message, { fields: [{ field: 'sourceIds', errors: [message] }] });
}
