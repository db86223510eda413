import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { DraftAuthorDto, DraftDto, type DraftStateDto } from './dtos/draft.dto.js';
import type { SaveDraftDto } from './dtos/save-draft.dto.js';
import { DraftsException, DraftsErrorCode } from './drafts.exception.js';
import { DraftsRepository } from './drafts.repository.js';

/** Drafts are kept per signed-in agent and ticket, so they follow the agent to another browser. */
@Injectable()
export class DraftsService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly tickets: TicketsService,
  ) {}

  async get(ref: string, actor: Actor): Promise<DraftStateDto> {
    const userId = userOf(actor);
    const { id } = await this.tickets.get(ref, actor);
    const [mine, colleagues] = await Promise.all([this.drafts.find(id, userId), this.drafts.colleagues(id, userId)]);
    return { draft: mine ? DraftDto.from(mine) : null, colleagues: colleagues.map(DraftAuthorDto.from) };
  }

  async save(ref: string, dto: SaveDraftDto, actor: Actor): Promise<DraftDto> {
    const userId = userOf(actor);
    const { id } = await this.tickets.get(ref, actor);
    const saved = await this.drafts.save(id, userId, {
      type: dto.type,
      body: dto.body,
      html: dto.html ?? null,
      toAddresses: dto.toAddresses ?? [],
      ccAddresses: dto.ccAddresses ?? [],
      bccAddresses: dto.bccAddresses ?? [],
      channelId: dto.channelId ?? null,
    });
    return DraftDto.from(saved);
  }

  async delete(ref: string, actor: Actor): Promise<void> {
    const userId = userOf(actor);
    const { id } = await this.tickets.get(ref, actor);
    await this.drafts.delete(id, userId);
  }
}

function userOf(actor: Actor): string {
  if (actor.type !== 'user' || !actor.userId) {
    throw new DraftsException(DraftsErrorCode.NeedsUser, 'Drafts belong to signed-in agents, not to API tokens');
  }
  return actor.userId;
}
