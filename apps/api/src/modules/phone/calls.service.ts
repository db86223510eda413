import { Inject, Injectable, Logger } from '@nestjs/common';
import { normalisePhone } from '@okienko/domain';
import type { Actor } from '../../core/auth/actor.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { ChannelsService } from '../channels/channels.service.js';
import type { ChannelEntity } from '../channels/entities/channel.entity.js';
import { CustomersService } from '../customers/customers.service.js';
import type { IncomingMessage, SenderIdentity } from '../intake/incoming-message.js';
import { IntakeService } from '../intake/intake.service.js';
import { LiveHubService } from '../live/live-hub.service.js';
import { ChannelKeysRepository } from '../public-limits/channel-keys.repository.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { WebhookEvents } from '../webhooks/webhook-events.service.js';
import { CallsRepository, type CallFilter, type CallRow } from './calls.repository.js';
import { customerNumberOf, stateAfterHangup, type CtiEvent } from './cti-event.js';
import type { CallDto } from './dtos/call.dto.js';
import type { LogCallDto } from './dtos/log-call.dto.js';
import { PhoneErrorCode, PhoneException } from './phone.exception.js';
import { CallRecordingsService } from './call-recordings.service.js';
import { callText, missedCallSubject } from './call-texts.js';

/** What Zammad's CTI API answers a PBX: nothing to do, or reject a blocked caller. */
export type CtiAnswer = Record<string, never> | { action: 'reject'; reason: 'busy' };

/** The channel's phone settings (in `channels.settings`). */
interface PhoneSettings {
  /** A missed inbound call opens (or joins) a ticket; default on. */
  missedCallTicket: boolean;
  /** Numbers (any spelling) whose calls the PBX is told to reject. */
  blockedNumbers: string[];
}

/**
 * Phone calls: the events a PBX reports through the CTI webhook (Zammad's
 * generic CTI API), the call log, and the tickets calls become. A call's
 * ticket goes through the intake like any channel's message (channel
 * `phone`, the caller's number as a `phone` identity).
 */
@Injectable()
export class CallsService {
  private readonly logger = new Logger('Calls');

  constructor(
    private readonly calls: CallsRepository,
    private readonly channels: ChannelsService,
    private readonly intake: IntakeService,
    private readonly customers: CustomersService,
    private readonly tickets: TicketsService,
    private readonly live: LiveHubService,
    private readonly channelKeys: ChannelKeysRepository,
    private readonly webhookEvents: WebhookEvents,
    private readonly recordings: CallRecordingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The phone channel a webhook key names, or 404 (the same for every wrong key). */
  async channelByKey(key: string): Promise<ChannelEntity> {
    const id = await this.channelKeys.activeChannelId('phone', key);
    const channel = id ? await this.channels.findById(id) : null;
    if (!channel) throw new PhoneException(PhoneErrorCode.ChannelNotFound, 'No phone channel has this key');
    return channel;
  }

  /** One CTI event of a channel: the call recorded or moved on; the answer tells the PBX to reject a blocked caller. */
  async handleEvent(channel: ChannelEntity, event: CtiEvent): Promise<CtiAnswer> {
    const settings = phoneSettings(channel);
    const { call, created } = await this.calls.insertOnce({
      channelId: channel.id,
      externalCallId: event.callId,
      direction: event.direction,
      fromNumber: event.from,
      toNumber: event.to,
      ...(await this.caller(customerNumberOf(event))),
      state: 'ringing',
      users: event.users,
      queueName: event.queue,
    });
    if (event.event === 'newCall') {
      if (created && call.direction === 'in') await this.announceRinging(channel, call);
      return this.isBlocked(settings, call) ? { action: 'reject', reason: 'busy' } : {};
    }
    if (event.event === 'answer') {
      if (call.state === 'missed' || call.state === 'ended') return {};
      // A second answer by someone else is a transfer: the call is theirs from now on.
      const agentUserId = (await this.calls.findAgent(event.answeringNumber, event.users)) ?? call.agentUserId;
      const answered = await this.calls.update(call.id, {
        state: 'answered', answeredAt: call.answeredAt ?? new Date(), agentUserId, answeringNumber: event.answeringNumber ?? call.answeringNumber,
        users: event.users.length ? event.users : undefined,
      });
      await this.announce(channel, 'call.answered', answered);
      return {};
    }
    // hangup
    if (call.state === 'missed' || call.state === 'ended') return {};
    const endedAt = new Date();
    const state = stateAfterHangup(call, event.cause);
    const agentUserId = call.agentUserId ?? (call.answeredAt ? await this.calls.findAgent(event.answeringNumber, event.users) : null);
    let ended = await this.calls.update(call.id, {
      state, endedAt, cause: event.cause, agentUserId,
      durationSeconds: call.answeredAt ? Math.max(0, Math.round((endedAt.getTime() - call.answeredAt.getTime()) / 1000)) : 0,
    });
    // A blocked caller was rejected on purpose: kept in the log, never a ticket.
    if (state === 'missed' && settings.missedCallTicket && !this.isBlocked(settings, call)) ended = await this.fileMissedCall(channel, ended);
    await this.announce(channel, 'call.ended', ended);
    // Integrators subscribed to `call.ended` get the call as the call log shows it.
    await this.webhookEvents.emit('call.ended', { ...(await this.get(ended.id)) }).catch((error: Error) => this.logger.warn(`call.ended webhook: ${error.message}`));
    return {};
  }

  async list(filter: CallFilter): Promise<{ items: CallDto[]; total: number }> {
    const [rows, total] = await this.calls.list(filter);
    return { items: await this.toDtos(rows), total };
  }

  report(from: Date, to: Date) {
    return this.calls.report(from, to);
  }

  async get(id: string): Promise<CallDto> {
    const [dto] = await this.toDtos([await this.row(id)]);
    return dto;
  }

  /** A call logged by hand: a phone message with the note on the given ticket, else the customer's new phone ticket. */
  async log(dto: LogCallDto, actor: Actor): Promise<CallDto> {
    if (!dto.phone && !dto.customerId && !dto.ticketId) {
      throw new PhoneException(PhoneErrorCode.CustomerRequired, 'Give the phone number, the customer or the ticket of the call', 'phone');
    }
    if (dto.recordingUrl) this.recordings.assertFetchable(dto.recordingUrl);
    const phone = dto.phone ? this.phone(dto.phone) : null;
    if (dto.phone && !phone) throw new PhoneException(PhoneErrorCode.CustomerRequired, 'phone must be a phone number', 'phone');
    const ticket = dto.ticketId ? await this.tickets.get(dto.ticketId, actor) : null;
    const customerId = dto.customerId ?? ticket?.customerId ?? null;
    const customer = customerId ? await this.customers.get(customerId) : null;
    const match = phone ? await this.calls.matchCaller(phone) : { match: 'known' as const, customerIds: customerId ? [customerId] : [] };
    const startedAt = dto.startedAt ? new Date(dto.startedAt) : new Date();
    const duration = dto.durationSeconds ?? null;
    const { call } = await this.calls.insertOnce({
      channelId: null,
      externalCallId: null,
      direction: dto.direction,
      fromNumber: dto.direction === 'in' ? (phone ?? '') : '',
      toNumber: dto.direction === 'out' ? (phone ?? '') : '',
      phone: phone ?? customer?.phones?.[0] ?? null,
      customerId: customer?.id ?? (match.match === 'known' ? match.customerIds[0] : null),
      match: customer ? 'known' : match.match,
      possibleCustomerIds: customer ? [] : match.match === 'possible' ? match.customerIds : [],
      state: 'ended',
      users: actor.type === 'user' ? [actor.name] : [],
      queueName: null,
      startedAt,
      answeredAt: startedAt,
      endedAt: duration !== null ? new Date(startedAt.getTime() + duration * 1000) : startedAt,
      durationSeconds: duration,
      agentUserId: actor.userId,
      manual: true,
      note: dto.note,
      recordingUrl: dto.recordingUrl ?? null,
    });
    const identities: SenderIdentity[] = phone ? [{ kind: 'phone', value: phone }] : [];
    if (!identities.length && customer?.email) identities.push({ kind: 'email', value: customer.email });
    if (!identities.length && customer?.phones?.[0]) identities.push({ kind: 'phone', value: customer.phones[0] });
    const channel = await this.defaultPhoneChannel();
    const text = callText(call, dto.note);
    const received = await this.intake.receive({
      ...this.phoneMessage(channel, call, identities, customer?.name ?? null),
      subject: dto.subject?.trim() || text.subject,
      text: text.body,
      visibleText: text.body,
      joinTicketId: ticket?.id ?? null,
    });
    const linked = await this.calls.update(call.id, { ticketId: received.ticketId, customerId: call.customerId ?? received.customer?.id ?? null });
    await this.recordings.fetchSoon(linked);
    return this.get(linked.id);
  }

  /** An uploaded recording of the call, filed on its ticket. */
  async uploadRecording(id: string, filename: string, contentType: string, content: Buffer | null): Promise<CallDto> {
    const call = await this.row(id);
    await this.recordings.upload(call, filename, contentType, content);
    return this.get(call.id);
  }

  /** Confirms a possible match: the call's number becomes the customer's phone identity. */
  async confirmCustomer(id: string, customerId: string): Promise<CallDto> {
    const call = await this.row(id);
    if (!call.phone) throw new PhoneException(PhoneErrorCode.NoCallerNumber, 'The call has no caller number to add');
    await this.customers.get(customerId);
    try {
      await this.customers.addIdentity(customerId, { kind: 'phone', value: call.phone });
    } catch (error) {
      if ((error as { code?: string }).code === 'CUSTOMER_IDENTITY_TAKEN') {
        throw new PhoneException(PhoneErrorCode.NumberTaken, `${call.phone} is another customer's number already: merge the customers instead`, 'customerId');
      }
      throw error;
    }
    await this.calls.update(call.id, { customerId, match: 'known' });
    return this.get(call.id);
  }

  private async row(id: string): Promise<CallRow> {
    const call = /^[0-9a-f-]{36}$/i.test(id) ? await this.calls.findById(id) : null;
    if (!call) throw new PhoneException(PhoneErrorCode.CallNotFound, `Call ${id} does not exist`);
    return call;
  }

  private isBlocked(settings: PhoneSettings, call: CallRow): boolean {
    return call.direction === 'in' && !!call.phone && settings.blockedNumbers.some((n) => this.phone(n) === call.phone);
  }

  /** The number in E.164, or null (anonymous, not a number). */
  private phone(raw: string): string | null {
    return raw && raw !== 'anonymous' ? normalisePhone(raw, this.config.defaultPhoneRegion) : null;
  }

  private async caller(raw: string): Promise<Pick<CallRow, 'phone' | 'customerId' | 'match' | 'possibleCustomerIds'>> {
    const phone = this.phone(raw);
    if (!phone) return { phone: null, customerId: null, match: 'unknown', possibleCustomerIds: [] };
    const { match, customerIds } = await this.calls.matchCaller(phone);
    return match === 'known'
      ? { phone, customerId: customerIds[0], match, possibleCustomerIds: [] }
      : { phone, customerId: null, match, possibleCustomerIds: customerIds };
  }

  /** A missed call opens a ticket, or joins the one of the caller's earlier missed calls while it is open. */
  private async fileMissedCall(channel: ChannelEntity, call: CallRow): Promise<CallRow> {
    // A possible match is for an agent to confirm: until then the ticket's customer is not given the number.
    const identities: SenderIdentity[] = call.phone && call.match !== 'possible' ? [{ kind: 'phone', value: call.phone }] : [];
    const body = callText(call, null).body;
    try {
      const received = await this.intake.receive({
        ...this.phoneMessage(channel, call, identities, call.phone && call.match === 'possible' ? call.phone : null),
        subject: missedCallSubject(call.phone ?? (call.fromNumber === 'anonymous' ? '' : call.fromNumber)),
        text: body,
        visibleText: body,
        externalThreadId: call.phone ? `missed:${call.phone}` : null,
        externalMessageId: `call:${call.externalCallId ?? call.id}`,
      });
      return this.calls.update(call.id, { ticketId: received.ticketId, customerId: call.customerId ?? (identities.length ? received.customer?.id : null) ?? null });
    } catch (error) {
      this.logger.warn(`Missed call ${call.id} left without a ticket: ${(error as Error).message}`);
      return call;
    }
  }

  private phoneMessage(channel: ChannelEntity | null, call: CallRow, identities: SenderIdentity[], name: string | null): IncomingMessage {
    return {
      channel: { id: channel?.id ?? null, type: 'phone' },
      sender: { identities, name },
      subject: '',
      text: '',
      visibleText: '',
      html: null,
      attachments: [],
      automated: false,
      route: channel ? { queueId: channel.queueId, categoryId: channel.categoryId, priority: channel.priority } : null,
      externalThreadId: null,
      externalMessageId: call.externalCallId ? `call:${call.externalCallId}` : `call:${call.id}`,
      email: null,
    };
  }

  /** The first active phone channel (where hand-logged calls are filed), if any. */
  private async defaultPhoneChannel(): Promise<ChannelEntity | null> {
    const [channels] = await this.channels.list(1, 0, 'phone');
    return channels[0] ?? null;
  }

  /** The caller card for the agents of the channel's queue. */
  private async announceRinging(channel: ChannelEntity, call: CallRow): Promise<void> {
    await this.announce(channel, 'call.ringing', call);
  }

  private async announce(channel: ChannelEntity, event: string, call: CallRow): Promise<void> {
    const agents = new Set(await this.calls.agentsOf(channel.queueId));
    const [dto] = await this.toDtos([call]);
    this.live.sendToUsers(event, dto, (userId) => agents.has(userId));
  }

  private async toDtos(rows: CallRow[]): Promise<CallDto[]> {
    const customerIds = [...new Set(rows.flatMap((r) => [r.customerId, ...r.possibleCustomerIds]).filter((id): id is string => !!id))];
    const [customers, agents] = await Promise.all([
      this.calls.customerNames(customerIds),
      this.calls.userNames(rows.map((r) => r.agentUserId).filter((id): id is string => !!id)),
    ]);
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        channelId: r.channelId,
        callId: r.externalCallId,
        direction: r.direction,
        from: r.fromNumber,
        to: r.toNumber,
        phone: r.phone,
        state: r.state,
        match: r.match,
        customer: r.customerId ? { id: r.customerId, name: customers.get(r.customerId) ?? null } : null,
        possibleCustomers: r.possibleCustomerIds.map((id) => ({ id, name: customers.get(id) ?? null })),
        caller: r.customerId ? await this.calls.callerCard(r.customerId) : null,
        agent: r.agentUserId ? { id: r.agentUserId, name: agents.get(r.agentUserId) ?? '' } : null,
        users: r.users,
        queue: r.queueName,
        cause: r.cause,
        startedAt: r.startedAt.toISOString(),
        answeredAt: r.answeredAt?.toISOString() ?? null,
        endedAt: r.endedAt?.toISOString() ?? null,
        durationSeconds: r.durationSeconds,
        ticketId: r.ticketId,
        manual: r.manual,
        note: r.note,
        recordingUrl: r.recordingUrl,
        recordingState: r.recordingState,
        recordingError: r.recordingError,
      })),
    );
  }
}

function phoneSettings(channel: ChannelEntity): PhoneSettings {
  const s = channel.settings ?? {};
  return {
    missedCallTicket: s.missedCallTicket !== false,
    blockedNumbers: Array.isArray(s.blockedNumbers) ? s.blockedNumbers.filter((n): n is string => typeof n === 'string') : [],
  };
}
