import { useI18n } from 'vue-i18n';
import { ApiError, NetworkError } from '../api-client/errors';
import { useAppI18n } from './use-app-i18n';
import type { MessageKey } from './message-key';

/**
 * A failed API call in words: the panel's own text for the error's code when it
 * has one (in the panel's language), else what the server said, or that it
 * could not be reached.
 */
export function useErrorText() {
  const { t } = useAppI18n();
  const { te } = useI18n({ useScope: 'global' });
  return (error: unknown): string => {
    if (error instanceof NetworkError) return t('errors.network');
    if (error instanceof ApiError) {
      const status = t('errors.http', { status: error.status });
      const code = (error.body?.details as { code?: unknown } | undefined)?.code;
      const own = typeof code === 'string' && /^[A-Z_]+$/.test(code) ? (`errors.codes.${code}` as MessageKey) : null;
      if (own && te(own)) return `${t(own)} (${status})`;
      return error.body?.message ? `${error.body.message} (${status})` : status;
    }
    return error instanceof Error ? error.message : String(error);
  };
}
