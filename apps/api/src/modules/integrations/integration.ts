import type { OrderProvider } from '@okienko/domain';

/** An integration as stored: `settings` holds what may be shown, `secrets` the encrypted credentials. */
export interface IntegrationRow {
  id: string;
  type: OrderProvider;
  name: string;
  settings: Record<string, string>;
  secrets: string;
  queueIds: string[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A pinned order on a ticket. */
export interface PinnedOrderRow {
  ticketId: string;
  integrationId: string | null;
  externalId: string;
  snapshot: unknown;
  pinnedBy: string | null;
  pinnedAt: Date;
}
