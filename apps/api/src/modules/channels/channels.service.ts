import { Injectable } from '@nestjs/common';
import type { ChannelType } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import { QueuesService } from '../queues/queues.service.js';
import { newChannelKey } from './channel-key.js';
import { checkedChannelSettings } from './channel-settings.js';
import { ChannelsException, ChannelsErrorCode } from './channels.exception.js';
import { ChannelsRepository, type InboundAddressChannelSource } from './channels.repository.js';
import type { CreateChannelDto } from './dtos/create-channel.dto.js';
import type { UpdateChannelDto } from './dtos/update-channel.dto.js';
import type { ChannelEntity } from './entities/channel.entity.js';

/**
 * The channels customers reach the team on. E-mail channels mirror the inbound
 * addresses: the inbound addresses service keeps them in step (in the same
 * transaction as the address), and they cannot be changed here.
 */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly queues: QueuesService,
  ) {}

  list(limit: number, offset: number, type?: ChannelType): Promise<[ChannelEntity[], number]> {
    return this.channels.list(limit, offset, type);
  }

  async get(id: string): Promise<ChannelEntity> {
    const channel = await this.channels.findById(id);
    if (!channel) throw new ChannelsException(ChannelsErrorCode.ChannelNotFound, `Channel ${id} does not exist`);
    return channel;
  }

  /** Channels by id (missing ones left out), for showing the channels of messages. */
  getMany(ids: string[]): Promise<ChannelEntity[]> {
    return this.channels.findByIds([...new Set(ids)]);
  }

  findById(id: string, manager?: EntityManager): Promise<ChannelEntity | null> {
    return this.channels.findById(id, manager);
  }

  /** The active channel of a type by its public key; null for a wrong key (callers answer 404). */
  findActiveByKey(type: ChannelType, key: string): Promise<ChannelEntity | null> {
    return key.length >= 20 && key.length <= 100 ? this.channels.findActiveByKey(type, key) : Promise.resolve(null);
  }

  /** The e-mail channel of an inbound address, by the address's id. */
  channelOfInboundAddress(inboundAddressId: string, manager?: EntityManager): Promise<ChannelEntity | null> {
    return this.channels.findByInboundAddressId(inboundAddressId, manager);
  }

  /** The e-mail channel of an inbound address, by the address (any letter case). */
  channelOfAddress(address: string): Promise<ChannelEntity | null> {
    return this.channels.findByInboundAddress(address);
  }

  /** Channel ids of every inbound address, by the address's id (for caches of the addresses). */
  channelIdsByInboundAddress(): Promise<Map<string, string>> {
    return this.channels.channelIdsByInboundAddress();
  }

  async create(dto: CreateChannelDto): Promise<ChannelEntity> {
    await this.assertRouting(dto);
    return this.channels.insert({
      type: dto.type,
      name: dto.name.trim(),
      queueId: dto.queueId ?? null,
      categoryId: dto.categoryId ?? null,
      priority: dto.priority ?? null,
      settings: checkedChannelSettings(dto.type, dto.settings),
      key: newChannelKey(),
      active: dto.active ?? true,
      inboundAddressId: null,
    });
  }

  async update(id: string, dto: UpdateChannelDto): Promise<ChannelEntity> {
    const channel = await this.get(id);
    assertNotManaged(channel);
    await this.assertRouting(dto);
    if (dto.name !== undefined) channel.name = dto.name.trim();
    if (dto.queueId !== undefined) channel.queueId = dto.queueId;
    if (dto.categoryId !== undefined) channel.categoryId = dto.categoryId;
    if (dto.priority !== undefined) channel.priority = dto.priority;
    if (dto.settings !== undefined) channel.settings = checkedChannelSettings(channel.type, dto.settings);
    if (dto.active !== undefined) channel.active = dto.active;
    return this.channels.save(channel);
  }

  /** Removes a channel; its messages keep their channel type and lose the link. */
  async delete(id: string): Promise<void> {
    assertNotManaged(await this.get(id));
    await this.channels.delete(id);
  }

  /** Creates or updates the e-mail channel of an inbound address, in the caller's transaction. */
  syncInboundAddress(manager: EntityManager, address: InboundAddressChannelSource): Promise<void> {
    return this.channels.upsertForInboundAddress(manager, address, newChannelKey());
  }

  private async assertRouting(dto: Pick<UpdateChannelDto, 'queueId' | 'categoryId'>): Promise<void> {
    if (dto.queueId) await this.queues.assertQueue(dto.queueId);
    if (dto.categoryId) await this.queues.assertCategory(dto.categoryId);
  }
}

function assertNotManaged(channel: ChannelEntity): void {
  if (channel.type === 'email') {
    throw new ChannelsException(
      ChannelsErrorCode.ManagedByInboundAddress,
      `Channel ${channel.id} is the e-mail channel of an inbound address: change or remove the address through /inbound-addresses`,
    );
  }
}
