import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { InboundAddressEntity } from './entities/inbound-address.entity.js';

@Injectable()
export class InboundAddressesRepository {
  constructor(@InjectRepository(InboundAddressEntity) private readonly addresses: Repository<InboundAddressEntity>) {}

  list(limit: number, offset: number): Promise<[InboundAddressEntity[], number]> {
    return this.addresses.findAndCount({ order: { address: 'ASC' }, take: limit, skip: offset });
  }

  findById(id: string): Promise<InboundAddressEntity | null> {
    return this.addresses.findOneBy({ id });
  }

  exists(lowerCaseAddress: string): Promise<boolean> {
    return this.addresses.createQueryBuilder('a').where('lower(a.address) = :address', { address: lowerCaseAddress }).getExists();
  }

  listAll(): Promise<InboundAddressEntity[]> {
    return this.addresses.find();
  }

  /** Runs `work` in one transaction (an address and its e-mail channel change together). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.addresses.manager.transaction(work);
  }

  insert(manager: EntityManager, address: Partial<InboundAddressEntity>): Promise<InboundAddressEntity> {
    const repository = manager.getRepository(InboundAddressEntity);
    return repository.save(repository.create(address));
  }

  save(manager: EntityManager, address: InboundAddressEntity): Promise<InboundAddressEntity> {
    return manager.getRepository(InboundAddressEntity).save(address);
  }

  /** Removes the address; its e-mail channel goes with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<void> {
    await this.addresses.delete({ id });
  }
}
