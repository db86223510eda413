/**
 * The channels reports split tickets by: the ticket's channel, with
 * marketplace tickets by their marketplace: `allegro` (Allegro's message
 * centre, the ticket channel `marketplace`) and `amazon` (buyer mail through
 * Amazon's relay addresses, which the intake tags `amazon`).
 */
export const REPORT_CHANNELS = ['email', 'web_form', 'phone', 'chat', 'api', 'social', 'allegro', 'amazon'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** The report channel of the ticket aliased `alias`, as SQL. */
export function reportChannelSql(alias = 't'): string {
  return `CASE WHEN ${alias}.channel = 'marketplace' THEN 'allegro'
               WHEN ${alias}.channel = 'email' AND ${alias}.tags @> '{amazon}' THEN 'amazon'
               ELSE ${alias}.channel END`;
}

/** Rows in the order of REPORT_CHANNELS (any other channel after them). */
export function inChannelOrder<T extends { channel: string }>(rows: T[]): T[] {
  const rank = (c: string) => {
    const i = (REPORT_CHANNELS as readonly string[]).indexOf(c);
    return i === -1 ? REPORT_CHANNELS.length : i;
  };
  return [...rows].sort((a, b) => rank(a.channel) - rank(b.channel) || a.channel.localeCompare(b.channel));
}
