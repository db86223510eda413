import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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

  insert(address: Partial<InboundAddressEntity>): Promise<InboundAddressEntity> {
    return this.addresses.save(this.addresses.create(address));
  }

  save(address: InboundAddressEntity): Promise<InboundAddressEntity> {
    return this.addresses.save(address);
  }

  async delete(id: string): Promise<void> {
    await this.addresses.delete({ id });
  }
}
