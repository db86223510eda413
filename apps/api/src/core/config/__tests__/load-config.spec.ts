import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../app-config.js';
import { loadConfig } from '../load-config.js';

const load = (env: Record<string, string>, argv: string[] = []) => loadConfig(env, argv, '/srv/okienko');

function errorOf(env: Record<string, string>, argv: string[] = []): ConfigError {
  try {
    load(env, argv);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = load({});
    expect(config).toMatchObject({
      roles: ['api', 'smtp', 'worker'],
      databaseUrl: null,
      dataDir: '/srv/okienko/.data',
      redisUrl: 'redis://127.0.0.1:6379',
      httpPort: 3000,
      smtpPort: 2525,
      publicUrl: 'http://localhost:3000',
      outboundSmtpUrl: null,
      timeZone: 'Europe/Warsaw',
      defaultPhoneRegion: 'PL',
      reopenWindowDays: 14,
      surveyLinkDays: 14,
      workerNiceness: 10,
      liveKeepAliveMs: 15_000,
      loginMaxAttempts: 5,
      webDistDir: '/srv/okienko/dist/apps/web',
    });
  });

  it('reads roles from --roles before OKIENKO_ROLES', () => {
    expect(load({ OKIENKO_ROLES: 'worker' }).roles).toEqual(['worker']);
    expect(load({ OKIENKO_ROLES: 'worker' }, ['--roles=api,smtp']).roles).toEqual(['api', 'smtp']);
  });

  it.each([
    [{ HTTP_PORT: 'abc' }, 'HTTP_PORT', 'must be a whole number, got "abc"'],
    [{ SMTP_PORT: '70000' }, 'SMTP_PORT', 'must be between 0 and 65535, got 70000'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL', 'must start with postgres:// or postgresql://'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL', 'is not a valid URL'],
    [{ OUTBOUND_SMTP_URL: 'http://relay' }, 'OUTBOUND_SMTP_URL', 'must start with smtp:// or smtps://'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET', 'at least 32 characters'],
    [{ JWT_SECRET_PREVIOUS: 'p'.repeat(32) }, 'JWT_SECRET_PREVIOUS', 'only taken together with JWT_SECRET'],
    [{ JWT_SECRET: 's'.repeat(32), JWT_SECRET_PREVIOUS: 'short' }, 'JWT_SECRET_PREVIOUS', 'at least 32 characters'],
    [{ ADMIN_EMAIL: 'admin' }, 'ADMIN_EMAIL', 'is not an e-mail address'],
    [{ ADMIN_PASSWORD: '1234' }, 'ADMIN_PASSWORD', 'at least 8 characters'],
    [{ TIME_ZONE: 'Mars/Olympus' }, 'TIME_ZONE', 'not a known IANA time zone'],
    [{ DEFAULT_PHONE_REGION: 'XX' }, 'DEFAULT_PHONE_REGION', 'is not a known region code'],
    [{ OKIENKO_ROLES: 'api,mailer' }, 'OKIENKO_ROLES', 'comma-separated list of api, smtp, worker'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'must be one of error, warn, log, debug, verbose'],
    [{ SURVEY_LINK_DAYS: '0' }, 'SURVEY_LINK_DAYS', 'must be between 1 and 365, got 0'],
    [{ SURVEY_LINK_DAYS: 'dwa' }, 'SURVEY_LINK_DAYS', 'must be a whole number'],
    [{ WORKER_NICENESS: '20' }, 'WORKER_NICENESS', 'must be between 0 and 19, got 20'],
    [{ LIVE_KEEPALIVE_SECONDS: '0' }, 'LIVE_KEEPALIVE_SECONDS', 'must be between 1 and 300, got 0'],
    [{ MAIL_AUTH: 'maybe' }, 'MAIL_AUTH', 'must be on or off'],
    [{ AGENTS_SEE_UNQUEUED_TICKETS: 'sometimes' }, 'AGENTS_SEE_UNQUEUED_TICKETS', 'must be on or off'],
    [{ MAIL_AUTH_SUPPRESS_AUTO_REPLY_ON_DMARC_FAIL: 'sometimes' }, 'MAIL_AUTH_SUPPRESS_AUTO_REPLY_ON_DMARC_FAIL', 'must be on or off'],
    [{ MAIL_AUTH_DNS_SERVERS: '127.0.0.1:5353,dns.example' }, 'MAIL_AUTH_DNS_SERVERS', 'got "dns.example"'],
    [{ MAIL_AUTH_DNS_SERVERS: '127.0.0.1:99999' }, 'MAIL_AUTH_DNS_SERVERS', 'got "127.0.0.1:99999"'],
    [{ MAIL_AUTH_DNS_TIMEOUT_MS: '10' }, 'MAIL_AUTH_DNS_TIMEOUT_MS', 'must be between 100 and 30000, got 10'],
  ])('refuses %j naming the variable', (env, variable, text) => {
    const error = errorOf(env);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(`${variable}: `);
    expect(error.message).toContain(text);
  });

  it('lets agents see tickets in no queue unless AGENTS_SEE_UNQUEUED_TICKETS is off', () => {
    expect(load({}).agentsSeeUnqueuedTickets).toBe(true);
    expect(load({ AGENTS_SEE_UNQUEUED_TICKETS: 'false' }).agentsSeeUnqueuedTickets).toBe(false);
    expect(load({ AGENTS_SEE_UNQUEUED_TICKETS: 'off' }).agentsSeeUnqueuedTickets).toBe(false);
  });

  it('verifies the senders of inbound mail by default, through the system resolvers, and reads the settings of that', () => {
    expect(load({})).toMatchObject({
      mailAuth: true, mailAuthDnsServers: [], mailAuthDnsTimeoutMs: 2000, mailAuthSuppressAutoReplyOnDmarcFail: true,
    });
    expect(load({
      MAIL_AUTH: 'off', MAIL_AUTH_DNS_SERVERS: '127.0.0.1:5353, 10.0.0.53 ,[::1]:53', MAIL_AUTH_DNS_TIMEOUT_MS: '500',
      MAIL_AUTH_SUPPRESS_AUTO_REPLY_ON_DMARC_FAIL: 'false',
    })).toMatchObject({
      mailAuth: false, mailAuthDnsServers: ['127.0.0.1:5353', '10.0.0.53', '[::1]:53'], mailAuthDnsTimeoutMs: 500,
      mailAuthSuppressAutoReplyOnDmarcFail: false,
    });
  });

  it('keeps a given DATABASE_URL and derives PUBLIC_URL from HTTP_PORT', () => {
    const config = load({ DATABASE_URL: 'postgres://okienko:secret@db:5432/okienko', HTTP_PORT: '8080' });
    expect(config.databaseUrl).toBe('postgres://okienko:secret@db:5432/okienko');
    expect(config.publicUrl).toBe('http://localhost:8080');
  });
});
