import { api } from '../../shared/api-client/client';
import { unwrap } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

type Schemas = components['schemas'];

export type Call = Schemas['CallDto'];
export type LogCallInput = Schemas['LogCallDto'];

/** A call logged by hand: a phone message with the note on the given ticket, else on a new phone ticket. */
export function logCall(body: LogCallInput): Promise<Call> {
  return unwrap(api.POST('/api/v1/calls', { body }));
}

/** The caller is this customer: the call's number becomes their phone identity. */
export function confirmCaller(callId: string, customerId: string): Promise<Call> {
  return unwrap(api.POST('/api/v1/calls/{id}/confirm-customer', { params: { path: { id: callId } }, body: { customerId } }));
}
