import { Injectable } from '@nestjs/common';
import { QueuesService } from '../queues/queues.service.js';
import type { CreateIntegrationDto } from './dtos/create-integration.dto.js';
import { IntegrationDto, type IntegrationTestResultDto } from './dtos/integration.dto.js';
import type { UpdateIntegrationDto } from './dtos/update-integration.dto.js';
import { CircuitBreaker } from './guards/circuit-breaker.js';
import { OrdersCache } from './guards/orders-cache.js';
import type { IntegrationRow } from './integration.js';
import { IntegrationSecrets } from './integration-secrets.service.js';
import { SETTINGS_OF, SettingsProblem, splitSettings } from './integration-settings.js';
import { IntegrationsException, IntegrationsErrorCode } from './integrations.exception.js';
import { IntegrationsRepository } from './integrations.repository.js';
import { OrderSources } from './order-sources.js';
import { asShopError } from './sources/shop-error.js';

/** Shop integrations: connecting, changing, testing. Credentials are encrypted at once and never leave the API. */
@Injectable()
export class IntegrationsService {
  constructor(
    private readonly integrations: IntegrationsRepository,
    private readonly secrets: IntegrationSecrets,
    private readonly queues: QueuesService,
    private readonly sources: OrderSources,
    private readonly breaker: CircuitBreaker,
    private readonly cache: OrdersCache,
  ) {}

  async list(limit: number, offset: number): Promise<[IntegrationDto[], number]> {
    const [rows, total] = await this.integrations.list(limit, offset);
    return [rows.map(toDto), total];
  }

  async get(id: string): Promise<IntegrationRow> {
    const row = await this.integrations.findById(id);
    if (!row) throw new IntegrationsException(IntegrationsErrorCode.NotFound, `Integration ${id} does not exist`);
    return row;
  }

  async getDto(id: string): Promise<IntegrationDto> {
    return toDto(await this.get(id));
  }

  async create(dto: CreateIntegrationDto): Promise<IntegrationDto> {
    const split = checked(() => splitSettings(dto.type, dto.settings));
    const queueIds = await this.assertQueues(dto.queueIds ?? []);
    const row = await this.integrations.insert({
      type: dto.type,
      name: dto.name.trim(),
      settings: split.public,
      secrets: await this.secrets.encrypt(split.secret),
      queueIds,
      active: dto.active ?? true,
    });
    return toDto(row);
  }

  async update(id: string, dto: UpdateIntegrationDto): Promise<IntegrationDto> {
    const row = await this.get(id);
    if (dto.settings !== undefined) {
      const current = { public: row.settings, secret: await this.secrets.decrypt(row.secrets) };
      const split = checked(() => splitSettings(row.type, dto.settings!, current));
      row.settings = split.public;
      row.secrets = await this.secrets.encrypt(split.secret);
    }
    if (dto.name !== undefined) row.name = dto.name.trim();
    if (dto.queueIds !== undefined) row.queueIds = await this.assertQueues(dto.queueIds);
    if (dto.active !== undefined) row.active = dto.active;
    const updated = await this.integrations.update(row);
    await Promise.all([this.cache.forget(id), this.breaker.reset(id)]);
    return toDto(updated);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.integrations.delete(id))) throw new IntegrationsException(IntegrationsErrorCode.NotFound, `Integration ${id} does not exist`);
    await this.cache.forget(id);
  }

  /** Connects with the stored credentials and reads orders; the shop's own error when it cannot. */
  async test(id: string): Promise<IntegrationTestResultDto> {
    const row = await this.get(id);
    const call = this.sources.newCall();
    try {
      const { ordersSeen } = await (await this.sources.sourceFor(row, call)).test(call.signal);
      await this.breaker.reset(id);
      return { ok: true, message: ordersSeen === null ? 'Connected; orders can be read' : `Connected; the shop reports ${ordersSeen} orders`, ordersSeen };
    } catch (error) {
      return { ok: false, message: asShopError(error, this.sources.timeoutMs).message, ordersSeen: null };
    }
  }

  private async assertQueues(queueIds: string[]): Promise<string[]> {
    const unique = [...new Set(queueIds)];
    for (const queueId of unique) {
      try {
        await this.queues.assertQueue(queueId, 'queueIds');
      } catch {
        throw new IntegrationsException(IntegrationsErrorCode.UnknownQueue, `queueIds: queue ${queueId} does not exist`, 'queueIds');
      }
    }
    return unique;
  }
}

function toDto(row: IntegrationRow): IntegrationDto {
  return IntegrationDto.from(row, SETTINGS_OF[row.type].secret);
}

function checked<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SettingsProblem) throw new IntegrationsException(IntegrationsErrorCode.InvalidSettings, error.message, error.field);
    throw error;
  }
}
