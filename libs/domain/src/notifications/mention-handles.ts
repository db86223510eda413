/**
 * Mentions in internal notes: `@handle`. An agent's handles are the part of
 * their e-mail before the @ (`ala.nowak` for ala.nowak@firma.pl) and their
 * name without spaces (`AlaNowak` for "Ala Nowak"); letter case and
 * diacritics do not matter (`@zielinski` finds "Bartek Zieliński" only by
 * `@bartekzielinski`; `@łukasz` matches `lukasz@…`).
 */

/** Lower case without diacritics (Polish ł included, which Unicode does not decompose). */
export function normalizeHandle(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase();
}

/** The handles an agent is mentioned by. */
export function agentHandles(agent: { email: string; name: string }): string[] {
  const local = agent.email.split('@')[0] ?? '';
  const name = agent.name.replace(/\s+/g, '');
  return [...new Set([normalizeHandle(local), normalizeHandle(name)].filter(Boolean))];
}

/**
 * The handles mentioned in a text, normalised: `@` at the start or after a
 * character that is not a letter, digit or dot (so e-mail addresses in the
 * text are no mentions), then letters, digits, `.`, `_`, `-`, `+`; a
 * trailing dot or dash (end of a sentence) is not part of it.
 */
export function mentionedHandles(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:^|[^\p{L}\p{N}._@])@([\p{L}\p{N}._+-]+)/gu)) {
    const handle = match[1].replace(/[._+-]+$/u, '');
    if (handle) found.add(normalizeHandle(handle));
  }
  return [...found];
}

/** The agents a text mentions (each once). */
export function mentionedAgents<T extends { email: string; name: string }>(text: string, agents: readonly T[]): T[] {
  const handles = new Set(mentionedHandles(text));
  if (!handles.size) return [];
  return agents.filter((agent) => agentHandles(agent).some((h) => handles.has(h)));
}
