// Polish texts of the agent panel. Polish is the default language, so this
// file defines the shape every other language has to match.
export const pl = {
  app: {
    name: 'Okienko',
    tagline: 'Panel agenta',
    pageTitle: '{page} · Okienko',
  },
  language: {
    label: 'Język interfejsu',
  },
  roles: {
    admin: 'Administrator',
    agent: 'Agent',
  },
  login: {
    title: 'Logowanie',
    heading: 'Zaloguj się',
    email: 'Adres e-mail',
    password: 'Hasło',
    submit: 'Zaloguj się',
    submitting: 'Logowanie…',
    sessionExpired: 'Sesja wygasła, zaloguj się ponownie',
    loggedOut: 'Wylogowano. Do zobaczenia!',
    validation: {
      emailRequired: 'Podaj adres e-mail',
      emailInvalid: 'To nie wygląda na adres e-mail',
      passwordRequired: 'Podaj hasło',
    },
    errors: {
      invalidCredentials: 'Nieprawidłowy e-mail lub hasło',
      tooManyAttempts:
        'Zbyt wiele prób logowania, spróbuj ponownie za {n} sekundę | Zbyt wiele prób logowania, spróbuj ponownie za {n} sekundy | Zbyt wiele prób logowania, spróbuj ponownie za {n} sekund',
      tooManyAttemptsLater: 'Zbyt wiele prób logowania, spróbuj ponownie za chwilę',
      network: 'Brak połączenia z serwerem. Sprawdź połączenie z siecią i spróbuj ponownie.',
      server: 'Serwer nie może teraz obsłużyć logowania (błąd {status}). Spróbuj ponownie za chwilę.',
      accountDisabled: 'To konto jest zablokowane. Skontaktuj się z administratorem.',
      unexpected: 'Nie udało się zalogować (błąd {status}). Spróbuj ponownie.',
    },
  },
  shell: {
    mainNavigation: 'Nawigacja główna',
    signedInAs: 'Zalogowano jako',
    logout: 'Wyloguj',
    profileUnavailable: 'Nie udało się wczytać profilu',
  },
  home: {
    title: 'Pulpit',
    heading: 'Dzień dobry, {name}',
    headingAnonymous: 'Dzień dobry',
    comingSoon: 'Widoki pracy są w przygotowaniu',
    comingSoonDetails:
      'Kolejki zgłoszeń, widok zgłoszenia i kartoteka klientów pojawią się tutaj w kolejnych wersjach. Poniżej widać, czy system działa.',
    statusHeading: 'Stan systemu',
    health: {
      label: 'Stan',
      checking: 'Sprawdzanie…',
      ok: 'System działa',
      error: 'System ma problem',
      unreachable: 'Serwer nie odpowiada',
      database: 'Baza danych',
      redis: 'Kolejka zadań (Redis)',
      up: 'działa',
      down: 'nie działa',
      checkedAt: 'sprawdzono o {time}',
    },
    tickets: {
      label: 'Zgłoszenia w systemie',
      loading: 'wczytywanie…',
      unavailable: 'niedostępne',
    },
  },
};

export type MessageSchema = typeof pl;
