import type { MessageSchema } from './pl';

// English texts of the agent panel; the shape is checked against Polish.
export const en: MessageSchema = {
  app: {
    name: 'Okienko',
    tagline: 'Agent panel',
    pageTitle: '{page} · Okienko',
  },
  language: {
    label: 'Interface language',
  },
  roles: {
    admin: 'Administrator',
    agent: 'Agent',
  },
  login: {
    title: 'Log in',
    heading: 'Log in',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    sessionExpired: 'Your session has expired, please log in again',
    loggedOut: 'You have been logged out. See you soon!',
    validation: {
      emailRequired: 'Enter your e-mail address',
      emailInvalid: 'This does not look like an e-mail address',
      passwordRequired: 'Enter your password',
    },
    errors: {
      invalidCredentials: 'Wrong e-mail or password',
      tooManyAttempts:
        'Too many attempts, try again in {n} second | Too many attempts, try again in {n} seconds',
      tooManyAttemptsLater: 'Too many attempts, try again in a moment',
      network: 'Cannot reach the server. Check your network connection and try again.',
      server: 'The server cannot handle the login right now (error {status}). Try again in a moment.',
      accountDisabled: 'This account is disabled. Contact your administrator.',
      unexpected: 'Logging in failed (error {status}). Please try again.',
    },
  },
  shell: {
    mainNavigation: 'Main navigation',
    signedInAs: 'Signed in as',
    logout: 'Log out',
    profileUnavailable: 'Could not load your profile',
  },
  home: {
    title: 'Dashboard',
    heading: 'Hello, {name}',
    headingAnonymous: 'Hello',
    comingSoon: 'The work views are coming',
    comingSoonDetails:
      'Ticket queues, the ticket view and the customer records will appear here in upcoming versions. Below you can see whether the system is running.',
    statusHeading: 'System status',
    health: {
      label: 'Status',
      checking: 'Checking…',
      ok: 'System is running',
      error: 'System has a problem',
      unreachable: 'Server is not responding',
      database: 'Database',
      redis: 'Job queue (Redis)',
      up: 'up',
      down: 'down',
      checkedAt: 'checked at {time}',
    },
    tickets: {
      label: 'Tickets in the system',
      loading: 'loading…',
      unavailable: 'unavailable',
    },
  },
};
