import type { CallRow } from './calls.repository.js';

/** The subject of a missed call's ticket. */
export function missedCallSubject(number: string): string {
  return `Nieodebrane połączenie od ${number || 'numeru zastrzeżonego'}`;
}

/** A call as a phone message on its ticket: who called whom, when, how long, and the agent's note. */
export function callText(call: Pick<CallRow, 'direction' | 'phone' | 'fromNumber' | 'toNumber' | 'startedAt' | 'durationSeconds' | 'state' | 'cause'>, note: string | null): { subject: string; body: string } {
  const number = call.phone ?? (call.direction === 'in' ? call.fromNumber : call.toNumber) ?? '';
  const who = number || 'numer zastrzeżony';
  const when = call.startedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const kind = call.state === 'missed' ? 'Nieodebrane połączenie' : call.direction === 'in' ? 'Połączenie przychodzące' : 'Połączenie wychodzące';
  const lines = [`${kind}: ${who}, ${when}${call.durationSeconds ? `, ${formatDuration(call.durationSeconds)}` : ''}.`];
  if (call.state === 'missed' && call.cause) lines.push(`Powód: ${call.cause}.`);
  if (note?.trim()) lines.push('', note.trim());
  return { subject: `${kind} — ${who}`, body: lines.join('\n') };
}

/** `m:ss` (or `h:mm:ss`). */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
