import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

type Schemas = components['schemas'];

/** An order as every shop answers it. */
export type Order = Schemas['OrderDto'];
/** A ticket's or customer's orders, and the shops that could not answer. */
export type Orders = Schemas['OrdersDto'];
/** A connected shop, without its credentials. */
export type Integration = Schemas['IntegrationDto'];
export type NewIntegration = Schemas['CreateIntegrationDto'];
export type IntegrationTestResult = Schemas['IntegrationTestResultDto'];

/** The customer's orders next to the ticket, from every shop serving its queue. */
export function fetchTicketOrders(ticketId: string, signal?: AbortSignal): Promise<Orders> {
  return unwrap(api.GET('/api/v1/tickets/{id}/orders', { params: { path: { id: ticketId } }, signal }));
}

/** Pins an order to the ticket (kept as a snapshot). */
export function pinTicketOrder(ticketId: string, integrationId: string, externalId: string): Promise<Order> {
  return unwrap(api.POST('/api/v1/tickets/{id}/orders', { params: { path: { id: ticketId } }, body: { integrationId, externalId } }));
}

export async function listIntegrations(signal?: AbortSignal): Promise<Integration[]> {
  return (await unwrap(api.GET('/api/v1/integrations', { params: { query: { limit: 200 } }, signal }))).items;
}

export function createIntegration(integration: NewIntegration): Promise<Integration> {
  return unwrap(api.POST('/api/v1/integrations', { body: integration }));
}

export async function deleteIntegration(id: string): Promise<void> {
  await unwrapEmpty(api.DELETE('/api/v1/integrations/{id}', { params: { path: { id } } }));
}

export function testIntegration(id: string): Promise<IntegrationTestResult> {
  return unwrap(api.POST('/api/v1/integrations/{id}/test', { params: { path: { id } } }));
}
