import { stripReplyPrefixes } from '@okienko/domain';

/** A message's subject as the subject of a ticket split off: without Re:/Fwd: chains and our `[#number]` tags; '' when nothing is left. */
export function splitSubject(subject: string | null): string {
  return stripReplyPrefixes(stripReplyPrefixes(subject ?? '').replace(/\[#\d{4}-\d{6,}\]/g, ' ')).trim();
}
