import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import { QueuesService } from '../queues/queues.service.js';
import type { CreateApiTokenDto } from './dtos/create-api-token.dto.js';
import { generateApiToken, hashApiToken } from './api-token-secret.js';
import { ApiTokensException, ApiTokensErrorCode } from './api-tokens.exception.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import type { ApiTokenEntity } from './entities/api-token.entity.js';

/** How stale `lastUsedAt` may get before a request refreshes it (saves a write per request). */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly queues: QueuesService,
  ) {}

  list(limit: number, offset: number): Promise<[ApiTokenEntity[], number]> {
    return this.tokens.list(limit, offset);
  }

  /** Creates a token and returns its secret; the secret is never shown again. */
  async create(dto: CreateApiTokenDto, actor: Actor): Promise<{ token: ApiTokenEntity; secret: string }> {
    const queueIds = [...new Set(dto.queueIds ?? [])];
    for (const queueId of queueIds) await this.queues.assertQueue(queueId, 'queueIds');
    const secret = generateApiToken();
    const token = await this.tokens.insert({
      name: dto.name.trim(),
      role: dto.role ?? 'agent',
      queueIds,
      tokenHash: hashApiToken(secret),
      tokenPrefix: secret.slice(0, 10),
      createdById: actor.userId,
      expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null,
    });
    return { token, secret };
  }

  async revoke(id: string): Promise<void> {
    const token = await this.tokens.findById(id);
    if (!token) throw new ApiTokensException(ApiTokensErrorCode.NotFound, `API token ${id} does not exist`);
    if (!token.revokedAt) await this.tokens.update(id, { revokedAt: new Date() });
  }

  /** The caller behind a presented token, or null when it is unknown, revoked or expired. */
  async authenticate(secret: string): Promise<Actor | null> {
    const now = new Date();
    const token = await this.tokens.findUsableByHash(hashApiToken(secret), now);
    if (!token) return null;
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.tokens.update(token.id, { lastUsedAt: now });
    }
    return { type: 'api_token', id: token.id, name: token.name, role: token.role, userId: null, queueIds: token.queueIds };
  }
}
