import type { TicketPriority } from '@okienko/domain';
import type { Channel, ChannelChange, NewChannel } from '../../../entities/channel/api';
import { MANAGED_CHANNEL_TYPES } from '../../../entities/channel/channel-type';

export type ManagedChannelType = NewChannel['type'];

/** A channel as the form holds it: empty text means "none", the settings are JSON text. */
export interface ChannelFields {
  type: ManagedChannelType;
  name: string;
  queueId: string;
  categoryId: string;
  priority: TicketPriority | '';
  active: boolean;
  settings: string;
}

/** Why the form cannot be sent as it is. */
export type ChannelFormProblem = { kind: 'nameRequired' } | { kind: 'settingsInvalid'; message: string } | { kind: 'settingsNotObject' };

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: ChannelFormProblem };

/** The form for a new channel (phone by default) or filled with a channel's values. */
export function channelFields(channel: Channel | null): ChannelFields {
  const type = MANAGED_CHANNEL_TYPES.find((managed) => managed === channel?.type) ?? 'phone';
  const settings = channel?.settings ?? {};
  return {
    type,
    name: channel?.name ?? '',
    queueId: channel?.queueId ?? '',
    categoryId: channel?.categoryId ?? '',
    priority: channel?.priority ?? '',
    active: channel?.active ?? true,
    settings: Object.keys(settings).length > 0 ? JSON.stringify(settings, null, 2) : '',
  };
}

/** The settings text as the object the API takes: empty is `{}`, anything but a JSON object is refused. */
export function parseSettings(text: string): Checked<Record<string, unknown>> {
  if (text.trim() === '') return { ok: true, value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { kind: 'settingsInvalid', message: error instanceof Error ? error.message : String(error) } };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, problem: { kind: 'settingsNotObject' } };
  return { ok: true, value: parsed as Record<string, unknown> };
}

/** POST /channels: only what is filled in. */
export function newChannelBody(fields: ChannelFields): Checked<NewChannel> {
  const name = fields.name.trim();
  if (!name) return { ok: false, problem: { kind: 'nameRequired' } };
  const settings = parseSettings(fields.settings);
  if (!settings.ok) return settings;
  const body: NewChannel = { type: fields.type, name, active: fields.active, settings: settings.value };
  if (fields.queueId) body.queueId = fields.queueId;
  if (fields.categoryId) body.categoryId = fields.categoryId;
  if (fields.priority) body.priority = fields.priority;
  return { ok: true, value: body };
}

/** PATCH /channels/:id: every field but the type (which cannot change), an emptied one as null. */
export function channelChangeBody(fields: ChannelFields): Checked<ChannelChange> {
  const name = fields.name.trim();
  if (!name) return { ok: false, problem: { kind: 'nameRequired' } };
  const settings = parseSettings(fields.settings);
  if (!settings.ok) return settings;
  return {
    ok: true,
    value: {
      name,
      queueId: fields.queueId || null,
      categoryId: fields.categoryId || null,
      priority: fields.priority || null,
      active: fields.active,
      settings: settings.value,
    },
  };
}
