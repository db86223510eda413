import { api } from '../../../shared/api-client/client';
import { unwrap } from '../../../shared/api-client/errors';

/** The signed-in agent's reply signature (null: the queue's is used). */
export async function fetchMySignature(): Promise<string | null> {
  return (await unwrap(api.GET('/api/v1/profile/signature'))).signature;
}

export async function saveMySignature(signature: string | null): Promise<string | null> {
  return (await unwrap(api.PUT('/api/v1/profile/signature', { body: { signature } }))).signature;
}
