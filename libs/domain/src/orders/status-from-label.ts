import type { OrderStatus } from './order.js';

const BY_WORDS: [RegExp, OrderStatus][] = [
  [/anul|cancel/i, 'cancelled'],
  [/zwr[oó]c|zwrot|refund/i, 'refunded'],
  [/nieudan|failed|odrzuc/i, 'failed'],
  [/wys[lł]an|nadan|w drodze|shipped|sent|w transporcie/i, 'shipped'],
  [/dostarcz|odebran|zrealizowan|zako[nń]czon|delivered|completed/i, 'completed'],
  [/wstrzym|on.?hold/i, 'on_hold'],
  [/realiz|kompletow|pakow|op[lł]acon|processing|paid|przygotow/i, 'processing'],
  [/now|oczek|nieop[lł]|pending|new/i, 'pending'],
];

/**
 * The shared status of an order from the name a shop gives its own status
 * (BaseLinker and Shoper let each shop name its statuses): "Wysłane" →
 * shipped, "Anulowane" → cancelled; `other` when the name says none of them.
 */
export function statusFromLabel(label: string): OrderStatus {
  return BY_WORDS.find(([pattern]) => pattern.test(label))?.[1] ?? 'other';
}
