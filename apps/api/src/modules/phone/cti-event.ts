/** The events of Zammad's generic CTI API, as PBX bridges (Asterisk, 3CX, Placetel, sipgate scripts) send them. */
export const CTI_EVENTS = ['newCall', 'answer', 'hangup'] as const;
export type CtiEventName = (typeof CTI_EVENTS)[number];

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** One CTI event: which call, who called whom, and (for answer and hangup) who answered and why it ended. */
export interface CtiEvent {
  event: CtiEventName;
  from: string;
  to: string;
  direction: CallDirection;
  callId: string;
  /** The agents' names: those called (in) or the caller (out). */
  users: string[];
  /** The PBX queue's name (optional). */
  queue: string | null;
  /** Why the call ended (hangup): normalClearing, busy, cancel, noAnswer, congestion, notFound, forwarded. */
  cause: string | null;
  /** Who answered: a user's e-mail (login) or id. */
  answeringNumber: string | null;
}

export type CtiParse = { ok: true; event: CtiEvent } | { ok: false; field: string; message: string };

const MAX_CALL_ID = 250;
const MAX_TEXT = 200;

/**
 * Reads a CTI event from a form-encoded body (`user[]` repeated) or a JSON
 * body (`user` a string or an array), as Zammad's generic CTI API accepts
 * both. Says which field is wrong otherwise.
 */
export function parseCtiEvent(input: URLSearchParams | Record<string, unknown>): CtiParse {
  const get = (name: string): string | null => {
    const value = input instanceof URLSearchParams ? input.get(name) : input[name];
    if (value === undefined || value === null) return null;
    if (typeof value === 'number') return String(value);
    return typeof value === 'string' ? value.trim() : null;
  };
  const users = (): string[] => {
    const raw: unknown[] = input instanceof URLSearchParams ? [...input.getAll('user[]'), ...input.getAll('user')] : [input['user[]'], input.user].flat();
    return raw.filter((u): u is string => typeof u === 'string' && u.trim() !== '').map((u) => u.trim().slice(0, MAX_TEXT));
  };
  const event = get('event');
  if (!event || !(CTI_EVENTS as readonly string[]).includes(event)) return fail('event', `event must be one of ${CTI_EVENTS.join(', ')}`);
  const direction = get('direction');
  if (!direction || !(CALL_DIRECTIONS as readonly string[]).includes(direction)) return fail('direction', 'direction must be in or out');
  const callId = get('callId');
  if (!callId) return fail('callId', 'callId is required');
  if (callId.length > MAX_CALL_ID) return fail('callId', `callId must be at most ${MAX_CALL_ID} characters`);
  const from = get('from') ?? '';
  const to = get('to') ?? '';
  if (from.length > MAX_TEXT) return fail('from', `from must be at most ${MAX_TEXT} characters`);
  if (to.length > MAX_TEXT) return fail('to', `to must be at most ${MAX_TEXT} characters`);
  return {
    ok: true,
    event: {
      event: event as CtiEventName,
      direction: direction as CallDirection,
      callId,
      from,
      to,
      users: users(),
      queue: get('queue')?.slice(0, MAX_TEXT) || null,
      cause: get('cause')?.slice(0, MAX_TEXT) || null,
      answeringNumber: get('answeringNumber')?.slice(0, MAX_TEXT) || null,
    },
  };
}

function fail(field: string, message: string): CtiParse {
  return { ok: false, field, message };
}

/** The state a call ends in: answered calls end, an unanswered inbound call is missed unless it was forwarded. */
export function stateAfterHangup(call: { answeredAt: Date | null; direction: CallDirection }, cause: string | null): 'ended' | 'missed' {
  if (call.answeredAt) return 'ended';
  if (call.direction === 'out' || cause === 'forwarded') return 'ended';
  return 'missed';
}

/** The customer's side of the call: the caller for inbound calls, the number called for outbound ones. */
export function customerNumberOf(event: Pick<CtiEvent, 'direction' | 'from' | 'to'>): string {
  return event.direction === 'in' ? event.from : event.to;
}
