import { ApiError, NetworkError } from '../api-client/errors';
import { useAppI18n } from './use-app-i18n';

/** A failed API call in words: what the server said, or that it could not be reached. */
export function useErrorText() {
  const { t } = useAppI18n();
  return (error: unknown): string => {
    if (error instanceof NetworkError) return t('errors.network');
    if (error instanceof ApiError) {
      const status = t('errors.http', { status: error.status });
      return error.body?.message ? `${error.body.message} (${status})` : status;
    }
    return error instanceof Error ? error.message : String(error);
  };
}
