import { computed, ref } from 'vue';
import { createApiToken, listApiTokens, revokeApiToken, type ApiToken, type CreatedApiToken, type NewApiToken } from '../../../entities/api-token/api';
import { useApiData } from '../../../shared/api-client/use-api-data';

/** API tokens of integrations; a new token's secret is kept only until the admin leaves the page. */
export function useApiTokenAdmin() {
  const { data, loading, failure, reload } = useApiData((_source: null, signal) => listApiTokens(signal));
  const created = ref<CreatedApiToken | null>(null);

  return {
    tokens: computed(() => data.value ?? []),
    loading,
    failure,
    created,
    create: async (token: NewApiToken) => {
      created.value = await createApiToken(token);
      await reload();
    },
    revoke: async (token: ApiToken) => {
      await revokeApiToken(token.id);
      if (created.value?.id === token.id) created.value = null;
      await reload();
    },
  };
}
