import type { ReplyTarget } from '../../../entities/channel/model';

/** A value telling the targets apart: the channel, and whom it reaches. */
export function replyTargetKey(target: Pick<ReplyTarget, 'channelId' | 'recipient'>): string {
  return `${target.channelId ?? ''}|${target.recipient}`;
}

/** The target a reply goes to unless the agent chooses another: the one the API marks, else the first. */
export function defaultReplyTarget(targets: readonly ReplyTarget[]): ReplyTarget | null {
  return targets.find((target) => target.isDefault) ?? targets[0] ?? null;
}

/**
 * The target a reply goes to now: the agent's choice while it is still one of
 * the targets, otherwise the default (the customer may have written on
 * another channel meanwhile, or the choice was never made).
 */
export function chosenReplyTarget(targets: readonly ReplyTarget[], chosenKey: string | null): ReplyTarget | null {
  return (chosenKey === null ? undefined : targets.find((target) => replyTargetKey(target) === chosenKey)) ?? defaultReplyTarget(targets);
}

/**
 * "E-mail · reklamacje@sklep.pl → jan@example.com": the kind of channel, which
 * of ours, and whom the reply reaches. `typeLabel` names the kind in the current language.
 */
export function replyTargetLabel(target: ReplyTarget, typeLabel: (type: string) => string): string {
  const type = typeLabel(target.type);
  return target.name ? `${type} · ${target.name} → ${target.recipient}` : `${type} → ${target.recipient}`;
}

/**
 * What the reply asks the API for: the chosen channel, or nothing when the
 * target has no channel of ours (plain e-mail to the customer) and so is left
 * to the API's default.
 */
export function replyChannelField(target: ReplyTarget | null): { channelId?: string } {
  return target?.channelId ? { channelId: target.channelId } : {};
}

/**
 * Where the target stands with its channel's reply window (API channels with
 * `settings.replyWindowHours`, e.g. WhatsApp's 24 hours): `none` without one,
 * `open` until `endsAt`, `closed` after it (the channel may refuse the reply).
 */
export function replyWindowState(target: Pick<ReplyTarget, 'replyWindowEndsAt'> | null, now: number): { state: 'none' | 'open' | 'closed'; endsAt: string | null } {
  const endsAt = target?.replyWindowEndsAt ?? null;
  if (!endsAt) return { state: 'none', endsAt: null };
  return { state: Date.parse(endsAt) <= now ? 'closed' : 'open', endsAt };
}
