import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ChannelType } from '@okienko/domain';
import { In, Repository, type EntityManager } from 'typeorm';
import { ChannelEntity } from './entities/channel.entity.js';

/** The e-mail channel's part of an inbound address. */
export interface InboundAddressChannelSource {
  id: string;
  address: string;
  name: string | null;
  queueId: string | null;
  categoryId: string | null;
  priority: ChannelEntity['priority'];
}

@Injectable()
export class ChannelsRepository {
  constructor(@InjectRepository(ChannelEntity) private readonly channels: Repository<ChannelEntity>) {}

  list(limit: number, offset: number, type?: ChannelType): Promise<[ChannelEntity[], number]> {
    return this.channels.findAndCount({
      where: type ? { type } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  findById(id: string, manager?: EntityManager): Promise<ChannelEntity | null> {
    return (manager?.getRepository(ChannelEntity) ?? this.channels).findOneBy({ id });
  }

  /** The active channel of a type by its public key (what webhooks and widgets name it by). */
  findActiveByKey(type: ChannelType, key: string): Promise<ChannelEntity | null> {
    return this.channels.findOneBy({ type, key, active: true });
  }

  findByIds(ids: string[]): Promise<ChannelEntity[]> {
    return ids.length ? this.channels.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByInboundAddressId(inboundAddressId: string, manager?: EntityManager): Promise<ChannelEntity | null> {
    return (manager?.getRepository(ChannelEntity) ?? this.channels).findOneBy({ inboundAddressId });
  }

  /** The e-mail channel of an inbound address (any letter case), or null. */
  findByInboundAddress(address: string): Promise<ChannelEntity | null> {
    return this.channels
      .createQueryBuilder('c')
      .innerJoin('inbound_addresses', 'a', 'a.id = c.inbound_address_id')
      .where('lower(a.address) = lower(:address)', { address: address.trim() })
      .getOne();
  }

  /** Channel ids of every inbound address, by the address's id. */
  async channelIdsByInboundAddress(): Promise<Map<string, string>> {
    const rows = await this.channels.find({ select: { id: true, inboundAddressId: true }, where: { type: 'email' } });
    return new Map(rows.filter((r) => r.inboundAddressId).map((r) => [r.inboundAddressId!, r.id]));
  }

  insert(channel: Partial<ChannelEntity>): Promise<ChannelEntity> {
    return this.channels.save(this.channels.create(channel));
  }

  save(channel: ChannelEntity): Promise<ChannelEntity> {
    return this.channels.save(channel);
  }

  async delete(id: string): Promise<void> {
    await this.channels.delete({ id });
  }

  /**
   * Creates or updates the e-mail channel of an inbound address, inside the
   * caller's transaction: its name (the address's name, else the address),
   * routing and `{address}` settings follow the address.
   */
  async upsertForInboundAddress(manager: EntityManager, address: InboundAddressChannelSource, key: string): Promise<void> {
    await manager.query(
      `INSERT INTO channels (type, name, queue_id, category_id, priority, settings, key, inbound_address_id)
       VALUES ('email', $2, $3, $4, $5, jsonb_build_object('address', $6::text), $7, $1)
       ON CONFLICT (inbound_address_id) DO UPDATE
         SET name = EXCLUDED.name, queue_id = EXCLUDED.queue_id, category_id = EXCLUDED.category_id,
             priority = EXCLUDED.priority, settings = channels.settings || EXCLUDED.settings, updated_at = now()`,
      [address.id, address.name?.trim() || address.address, address.queueId, address.categoryId, address.priority, address.address, key],
    );
  }
}
