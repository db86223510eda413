/** The `@word` being typed right before the caret, if any: where it starts and what is typed so far. */
export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  query: string;
}

/**
 * The mention being typed at `caret` in `text`: an `@` at the start or after
 * a space or punctuation (not inside an e-mail address), then letters,
 * digits, `.`, `_`, `-` up to the caret.
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[^\p{L}\p{N}._@])@([\p{L}\p{N}._-]{0,40})$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[1].length - 1, query: match[1] };
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();
}

/** The handle inserted for an agent: their name without spaces (what the API matches, diacritics and case aside). */
export function mentionHandle(name: string): string {
  return name.replace(/\s+/g, '');
}

/** Agents whose name (any word of it, or all of it without spaces) starts with the query; case and diacritics aside. */
export function matchAgents<T extends { name: string }>(agents: readonly T[], query: string, limit = 8): T[] {
  const q = fold(query);
  return agents
    .filter((agent) => {
      const name = fold(agent.name);
      return !q || name.replace(/\s+/g, '').startsWith(q) || name.split(/\s+/).some((word) => word.startsWith(q));
    })
    .slice(0, limit);
}

/** The text with the mention at `at` replaced by `@handle ` and where the caret goes. */
export function insertMention(text: string, at: MentionQuery, handle: string): { text: string; caret: number } {
  const end = at.start + 1 + at.query.length;
  const rest = text.slice(end);
  const spaced = /^\s/.test(rest);
  const inserted = `@${handle}${spaced ? '' : ' '}`;
  return { text: text.slice(0, at.start) + inserted + rest, caret: at.start + inserted.length + (spaced ? 1 : 0) };
}
