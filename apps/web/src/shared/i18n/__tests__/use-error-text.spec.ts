import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../api-client/errors';
import { withSetup } from '../../testing/with-setup';
import { setLocale } from '../index';
import { useErrorText } from '../use-error-text';

const taken = new ApiError(409, {
  statusCode: 409, error: 'Conflict', message: 'A user with the e-mail ewa@sklep.pl already exists', details: { code: 'USER_EMAIL_TAKEN' },
} as never, null);

describe('useErrorText', () => {
  afterEach(() => setLocale('pl'));

  it("says an error the panel knows by its code in the panel's language, not the API's English", () => {
    setLocale('pl');
    const { result, unmount } = withSetup(() => useErrorText());
    expect(result(taken)).toBe('Użytkownik z tym adresem e-mail już istnieje (błąd 409)');
    unmount();
    setLocale('en');
    const english = withSetup(() => useErrorText());
    expect(english.result(taken)).toBe('A user with this e-mail address already exists (error 409)');
    english.unmount();
  });

  it("shows the server's message for a code it has no text for, and says when the server cannot be reached", () => {
    setLocale('pl');
    const { result, unmount } = withSetup(() => useErrorText());
    const other = new ApiError(400, { statusCode: 400, error: 'Bad Request', message: 'limit must not be greater than 200', details: { code: 'VALIDATION_FAILED' } } as never, null);
    expect(result(other)).toBe('limit must not be greater than 200 (błąd 400)');
    expect(result(new NetworkError(new Error('down')))).toBe('Brak połączenia z serwerem');
    unmount();
  });
});
