import { Injectable } from '@nestjs/common';
import { ACKNOWLEDGEMENT_PLACEHOLDERS, parseTemplate, templateProblemDetails, type FieldTemplateProblem } from '@okienko/domain';
import { ChannelsService } from '../channels/channels.service.js';
import { QueuesService } from '../queues/queues.service.js';
import type { CreateInboundAddressDto } from './dtos/create-inbound-address.dto.js';
import type { UpdateInboundAddressDto } from './dtos/update-inbound-address.dto.js';
import type { InboundAddressEntity } from './entities/inbound-address.entity.js';
import { InboundAddressesRepository } from './inbound-addresses.repository.js';
import { MailException, MailErrorCode } from './mail.exception.js';

@Injectable()
export class InboundAddressesService {
  constructor(
    private readonly addresses: InboundAddressesRepository,
    private readonly queues: QueuesService,
    private readonly channels: ChannelsService,
  ) {}

  list(limit: number, offset: number): Promise<[InboundAddressEntity[], number]> {
    return this.addresses.list(limit, offset);
  }

  async get(id: string): Promise<InboundAddressEntity> {
    const address = await this.addresses.findById(id);
    if (!address) throw new MailException(MailErrorCode.AddressNotFound, `Inbound address ${id} does not exist`);
    return address;
  }

  /** The configured addresses among the given ones (any letter case), in their order. */
  async match(candidates: string[]): Promise<InboundAddressEntity[]> {
    const all = await this.all();
    const found = candidates.map((c) => all.get(c.trim().toLowerCase())).filter((a): a is InboundAddressEntity => !!a);
    return [...new Set(found)];
  }

  /**
   * Whether Okienko takes mail for this address. A miss in the cache is checked
   * in the database, so an address added on another instance a moment ago is
   * never refused.
   */
  async accepts(address: string): Promise<boolean> {
    const lower = address.trim().toLowerCase();
    if ((await this.all()).has(lower)) return true;
    if (!(await this.addresses.exists(lower))) return false;
    this.cache = undefined;
    return true;
  }

  /** A configured address by its id, from the cache (null when there is no such address). */
  async byId(id: string): Promise<InboundAddressEntity | null> {
    for (const address of (await this.all()).values()) if (address.id === id) return address;
    return this.addresses.findById(id);
  }

  /**
   * The id of the e-mail channel of an inbound address (by the address's id),
   * from the same short cache as the addresses: what the intake records on a
   * message that reached the address.
   */
  async channelIdOf(inboundAddressId: string): Promise<string | null> {
    await this.all();
    const cached = this.cache?.channelIds.get(inboundAddressId);
    if (cached) return cached;
    return (await this.channels.channelOfInboundAddress(inboundAddressId))?.id ?? null;
  }

  /** Every configured address, lower-case. */
  async allAddresses(): Promise<string[]> {
    return [...(await this.all()).keys()];
  }

  /**
   * The configured addresses by lower-case address. Cached for a few seconds:
   * the SMTP listener asks for every recipient and the workers for every mail;
   * changes made through this instance apply at once, other instances' within 5 s.
   */
  private async all(): Promise<Map<string, InboundAddressEntity>> {
    const now = Date.now();
    if (!this.cache || this.cache.expires < now) {
      const [rows, channelIds] = await Promise.all([this.addresses.listAll(), this.channels.channelIdsByInboundAddress()]);
      this.cache = { expires: now + 5_000, byAddress: new Map(rows.map((r) => [r.address.toLowerCase(), r])), channelIds };
    }
    return this.cache.byAddress;
  }

  private cache?: { expires: number; byAddress: Map<string, InboundAddressEntity>; channelIds: Map<string, string> };

  async create(dto: CreateInboundAddressDto): Promise<InboundAddressEntity> {
    assertPlaceholders(dto);
    if (dto.queueId) await this.queues.assertQueue(dto.queueId);
    if (dto.categoryId) await this.queues.assertCategory(dto.categoryId);
    this.cache = undefined;
    return this.addresses
      .transaction(async (manager) => {
        const created = await this.addresses.insert(manager, {
          address: dto.address.trim(),
          name: dto.name?.trim() || null,
          queueId: dto.queueId ?? null,
          categoryId: dto.categoryId ?? null,
          priority: dto.priority ?? null,
          replyFromName: dto.replyFromName?.trim() || null,
          autoAcknowledge: dto.autoAcknowledge ?? true,
          acknowledgementSubject: dto.acknowledgementSubject?.trim() || null,
          acknowledgementBody: dto.acknowledgementBody?.trim() || null,
        });
        // Every inbound address is an e-mail channel too, created with it.
        await this.channels.syncInboundAddress(manager, created);
        return created;
      })
      .catch((error: unknown) => this.rethrowTaken(error, dto.address));
  }

  async update(id: string, dto: UpdateInboundAddressDto): Promise<InboundAddressEntity> {
    assertPlaceholders(dto);
    const address = await this.get(id);
    if (dto.queueId) await this.queues.assertQueue(dto.queueId);
    if (dto.categoryId) await this.queues.assertCategory(dto.categoryId);
    Object.assign(address, dto, dto.address ? { address: dto.address.trim() } : {});
    this.cache = undefined;
    return this.addresses
      .transaction(async (manager) => {
        const saved = await this.addresses.save(manager, address);
        // Its channel follows: name, routing and address.
        await this.channels.syncInboundAddress(manager, saved);
        return saved;
      })
      .catch((error: unknown) => this.rethrowTaken(error, dto.address ?? address.address));
  }

  async delete(id: string): Promise<void> {
    await this.get(id);
    await this.addresses.delete(id); // its e-mail channel with it
    this.cache = undefined;
  }

  private rethrowTaken(error: unknown, address: string): never {
    if ((error as { code?: string }).code === '23505') {
      throw new MailException(MailErrorCode.AddressTaken, `The inbound address ${address} exists already`);
    }
    throw error;
  }
}

/** The acknowledgement texts may use only the acknowledgement's placeholders; anything else is refused with its position. */
function assertPlaceholders(dto: Pick<UpdateInboundAddressDto, 'acknowledgementSubject' | 'acknowledgementBody'>): void {
  const problems: FieldTemplateProblem[] = [];
  for (const field of ['acknowledgementSubject', 'acknowledgementBody'] as const) {
    const text = dto[field];
    if (typeof text !== 'string') continue;
    const result = parseTemplate(text, ACKNOWLEDGEMENT_PLACEHOLDERS);
    if (!result.ok) problems.push(...result.problems.map((problem) => ({ field, problem })));
  }
  if (!problems.length) return;
  const { message, fields, placeholders } = templateProblemDetails(problems);
  throw new MailException(MailErrorCode.InvalidPlaceholder, message, { fields, placeholders });
}
