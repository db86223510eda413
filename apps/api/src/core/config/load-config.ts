import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import path from 'node:path';
import { isPhoneRegion } from '@okienko/domain';
import { AppConfig, ConfigError, Role } from './app-config.js';

type Env = Record<string, string | undefined>;

const ROLES: readonly Role[] = ['api', 'smtp', 'worker'];
const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value ? value : fallback;
}

function optional(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function url(env: Env, name: string, fallback: string | null, protocols: string[]): string | null {
  const raw = optional(env, name) ?? fallback;
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${raw}"`);
  }
  return raw;
}

function roles(env: Env, argv: string[]): Role[] {
  const fromArgv = argv.find((a) => a.startsWith('--roles='))?.slice('--roles='.length);
  const raw = fromArgv ?? optional(env, 'OKIENKO_ROLES') ?? ROLES.join(',');
  const list = raw.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = list.filter((r) => !ROLES.includes(r as Role));
  if (unknown.length || list.length === 0) {
    throw new ConfigError('OKIENKO_ROLES', `must be a comma-separated list of ${ROLES.join(', ')}; got "${raw}"`);
  }
  return [...new Set(list)] as Role[];
}

function timeZone(env: Env): string {
  const zone = text(env, 'TIME_ZONE', 'Europe/Warsaw');
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new ConfigError('TIME_ZONE', `is not a known IANA time zone: "${zone}"`);
  }
  return zone;
}

function phoneRegion(env: Env): string {
  const region = text(env, 'DEFAULT_PHONE_REGION', 'PL').toUpperCase();
  if (!isPhoneRegion(region)) throw new ConfigError('DEFAULT_PHONE_REGION', `is not a known region code (ISO 3166, like PL or DE): "${region}"`);
  return region;
}

/** Reads and validates the whole configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env, argv: string[] = process.argv, cwd = process.cwd()): AppConfig {
  const httpPort = integer(env, 'HTTP_PORT', 3000, 0, 65535);
  const jwtSecret = optional(env, 'JWT_SECRET');
  if (jwtSecret !== null && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  const jwtSecretPrevious = optional(env, 'JWT_SECRET_PREVIOUS');
  if (jwtSecretPrevious !== null && jwtSecret === null) {
    throw new ConfigError('JWT_SECRET_PREVIOUS', 'is only taken together with JWT_SECRET (the new secret)');
  }
  if (jwtSecretPrevious !== null && jwtSecretPrevious.length < 32) {
    throw new ConfigError('JWT_SECRET_PREVIOUS', 'must be at least 32 characters long');
  }
  const email = optional(env, 'ADMIN_EMAIL');
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new ConfigError('ADMIN_EMAIL', `is not an e-mail address: "${email}"`);
  }
  const password = optional(env, 'ADMIN_PASSWORD');
  if (password !== null && password.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 8 characters long');
  }
  const logLevel = text(env, 'LOG_LEVEL', 'log');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}; got "${logLevel}"`);
  }
  const dataDir = path.resolve(cwd, text(env, 'DATA_DIR', '.data'));

  return {
    roles: roles(env, argv),
    databaseUrl: url(env, 'DATABASE_URL', null, ['postgres:', 'postgresql:']),
    dataDir,
    embeddedPostgresPort: integer(env, 'EMBEDDED_POSTGRES_PORT', 54329, 1, 65535),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:'])!,
    redisPrefix: text(env, 'REDIS_PREFIX', 'okienko'),
    httpPort,
    httpHost: text(env, 'HTTP_HOST', '0.0.0.0'),
    smtpPort: integer(env, 'SMTP_PORT', 2525, 0, 65535),
    smtpHost: text(env, 'SMTP_HOST', '0.0.0.0'),
    publicUrl: url(env, 'PUBLIC_URL', `http://localhost:${httpPort}`, ['http:', 'https:'])!,
    outboundSmtpUrl: url(env, 'OUTBOUND_SMTP_URL', null, ['smtp:', 'smtps:']),
    mailDomain: text(env, 'MAIL_DOMAIN', 'localhost'),
    // Without JWT_SECRET a per-installation secret is generated once and kept in the database (settings).
    jwtSecret: jwtSecret ?? '',
    jwtSecretPrevious,
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    adminEmail: email,
    adminPassword: password,
    reopenWindowDays: integer(env, 'REOPEN_WINDOW_DAYS', 14, 0, 3650),
    timeZone: timeZone(env),
    defaultPhoneRegion: phoneRegion(env),
    loginMaxAttempts: integer(env, 'LOGIN_MAX_ATTEMPTS', 5, 1, 1000),
    loginWindowSeconds: integer(env, 'LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    webDistDir: path.resolve(cwd, text(env, 'WEB_DIST_DIR', 'dist/apps/web')),
    logLevel: logLevel as AppConfig['logLevel'],
    smtpMaxSize: integer(env, 'SMTP_MAX_SIZE', 25 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    ...tlsFiles(env),
    smtpAuthUser: optional(env, 'SMTP_AUTH_USER'),
    smtpAuthPassword: optional(env, 'SMTP_AUTH_PASSWORD'),
    smtpMaxConnectionsPerIp: integer(env, 'SMTP_MAX_CONNECTIONS_PER_IP', 20, 1, 100_000),
    smtpMaxMessagesPerIpPerMinute: integer(env, 'SMTP_MAX_MESSAGES_PER_IP_PER_MINUTE', 600, 1, 10_000_000),
    smtpMaxRecipients: integer(env, 'SMTP_MAX_RECIPIENTS', 100, 1, 100_000),
    autoReplyPerSenderPerHour: integer(env, 'AUTO_REPLY_PER_SENDER_PER_HOUR', 3, 0, 100_000),
    autoReplyGlobalPerMinute: integer(env, 'AUTO_REPLY_GLOBAL_PER_MINUTE', 120, 0, 1_000_000),
    ackExpectedResponse: text(env, 'ACK_EXPECTED_RESPONSE', 'w ciągu 1 dnia roboczego'),
    ackExpectedResponseEn: text(env, 'ACK_EXPECTED_RESPONSE_EN', 'within 1 business day'),
    ackFaqUrl: url(env, 'ACK_FAQ_URL', null, ['http:', 'https:']),
    defaultFromAddress: text(env, 'MAIL_FROM', `okienko@${text(env, 'MAIL_DOMAIN', 'localhost')}`),
    rulesSweepIntervalMs: integer(env, 'RULES_SWEEP_INTERVAL_MS', 60_000, 200, 24 * 3600 * 1000),
    slaSweepIntervalMs: integer(env, 'SLA_SWEEP_INTERVAL_MS', 30_000, 200, 24 * 3600 * 1000),
    snoozeSweepIntervalMs: integer(env, 'SNOOZE_SWEEP_INTERVAL_MS', 30_000, 200, 24 * 3600 * 1000),
    liveKeepAliveMs: integer(env, 'LIVE_KEEPALIVE_SECONDS', 15, 1, 300) * 1000,
    surveyLinkDays: integer(env, 'SURVEY_LINK_DAYS', 14, 1, 365),
    workerNiceness: integer(env, 'WORKER_NICENESS', 10, 0, 19),
    agentsSeeUnqueuedTickets: flag(env, 'AGENTS_SEE_UNQUEUED_TICKETS', true),
    mailAuth: flag(env, 'MAIL_AUTH', true),
    mailAuthDnsServers: dnsServers(env, 'MAIL_AUTH_DNS_SERVERS'),
    mailAuthDnsTimeoutMs: integer(env, 'MAIL_AUTH_DNS_TIMEOUT_MS', 2000, 100, 30_000),
    mailAuthSuppressAutoReplyOnDmarcFail: flag(env, 'MAIL_AUTH_SUPPRESS_AUTO_REPLY_ON_DMARC_FAIL', true),
    webForms: webFormsConfig(env),
    secretsKey: secretsKey(env),
    shopTimeoutMs: integer(env, 'SHOP_TIMEOUT_MS', 3000, 100, 60_000),
    shopCacheSeconds: integer(env, 'SHOP_CACHE_SECONDS', 60, 0, 86_400),
    baselinkerApiUrl: url(env, 'BASELINKER_API_URL', 'https://api.baselinker.com/connector.php', ['http:', 'https:'])!,
    webhooksAllowPrivateNetworks: flag(env, 'WEBHOOKS_ALLOW_PRIVATE_NETWORKS', false),
    callRecordingHosts: (optional(env, 'CALL_RECORDING_HOSTS') ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    callRecordingMaxBytes: integer(env, 'CALL_RECORDING_MAX_BYTES', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    chatLimits: {
      sessionsPerIpPerMinute: integer(env, 'CHAT_SESSIONS_PER_IP_PER_MINUTE', 60, 1, 10_000_000),
      requestsPerIpPerMinute: integer(env, 'CHAT_REQUESTS_PER_IP_PER_MINUTE', 600, 1, 100_000_000),
      messagesPerSessionPerMinute: integer(env, 'CHAT_MESSAGES_PER_SESSION_PER_MINUTE', 30, 1, 1_000_000),
    },
    webhooksRetryDelaysMs: delays(env, 'WEBHOOKS_RETRY_DELAYS_MS', [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 86_400_000]),
    webhooksDisableAfterMs: integer(env, 'WEBHOOKS_DISABLE_AFTER_HOURS', 72, 1, 24 * 365) * 3600 * 1000,
    webhooksTimeoutMs: integer(env, 'WEBHOOKS_TIMEOUT_MS', 10_000, 100, 60_000),
    webhooksSweepIntervalMs: integer(env, 'WEBHOOKS_SWEEP_INTERVAL_MS', 2_000, 100, 3600 * 1000),
    marketplacesTickMs: integer(env, 'MARKETPLACES_TICK_MS', 5_000, 100, 3600 * 1000),
  };
}

/** SECRETS_KEY: at least 32 characters when set. */
function secretsKey(env: Env): string | null {
  const key = optional(env, 'SECRETS_KEY');
  if (key !== null && key.length < 32) throw new ConfigError('SECRETS_KEY', 'must be at least 32 characters long');
  return key;
}

/** Waits in milliseconds, comma-separated (at least one, each 1 ms to 7 days). */
function delays(env: Env, name: string, fallback: number[]): number[] {
  const raw = optional(env, name);
  if (raw === null) return fallback;
  const list = raw.split(',').map((s) => s.trim());
  if (!list.length || list.some((s) => !/^\d{1,9}$/.test(s) || Number(s) < 1 || Number(s) > 7 * 24 * 3600 * 1000)) {
    throw new ConfigError(name, `must list waits in milliseconds, comma-separated (e.g. 60000,300000), got "${raw}"`);
  }
  return list.map(Number);
}

/** Web forms and the customers' status links: spam protection, rate limits, how long links hold. */
function webFormsConfig(env: Env): AppConfig['webForms'] {
  const powDifficulty = integer(env, 'FORMS_POW_DIFFICULTY', 12, 0, 24);
  return {
    minFillSeconds: integer(env, 'FORMS_MIN_FILL_SECONDS', 3, 0, 3600),
    tokenMaxAgeSeconds: integer(env, 'FORMS_TOKEN_MAX_AGE_SECONDS', 86_400, 60, 30 * 86_400),
    powDifficulty,
    powMaxDifficulty: Math.max(powDifficulty, integer(env, 'FORMS_POW_MAX_DIFFICULTY', 20, 0, 26)),
    floodStepPerMinute: integer(env, 'FORMS_FLOOD_STEP_PER_MINUTE', 30, 1, 1_000_000),
    rateWindowSeconds: integer(env, 'FORMS_RATE_WINDOW_SECONDS', 600, 1, 86_400),
    submissionsPerIp: integer(env, 'FORMS_SUBMISSIONS_PER_IP', 60, 1, 1_000_000),
    submissionsPerEmail: integer(env, 'FORMS_SUBMISSIONS_PER_EMAIL', 20, 1, 1_000_000),
    submissionsPerFormPerMinute: integer(env, 'FORMS_SUBMISSIONS_PER_FORM_PER_MINUTE', 600, 1, 10_000_000),
    readsPerIp: integer(env, 'FORMS_READS_PER_IP', 600, 1, 10_000_000),
    checkEmailDomain: flag(env, 'FORMS_CHECK_EMAIL_DOMAIN', true),
    dnsServers: dnsServers(env, 'FORMS_DNS_SERVERS'),
    dnsTimeoutMs: integer(env, 'FORMS_DNS_TIMEOUT_MS', 1500, 100, 30_000),
    statusLinkDaysAfterClose: integer(env, 'STATUS_LINK_DAYS_AFTER_CLOSE', 30, 0, 3650),
    statusMessagesPerIp: integer(env, 'STATUS_MESSAGES_PER_IP', 30, 1, 1_000_000),
  };
}

/** A switch: on/off, true/false, yes/no, 1/0. */
function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['on', 'true', 'yes', '1'].includes(raw)) return true;
  if (['off', 'false', 'no', '0'].includes(raw)) return false;
  throw new ConfigError(name, `must be on or off (true/false), got "${env[name]}"`);
}

/** DNS servers as `host` or `host:port` (IPv6 as `[addr]:port`), comma-separated; empty: the system's. */
function dnsServers(env: Env, name: string): string[] {
  const list = (optional(env, name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const server of list) {
    const match = /^(?:\[([0-9a-f:.]+)\]|([0-9.]+)|([0-9a-f:]+))(?::(\d{1,5}))?$/i.exec(server);
    const host = match?.[1] ?? match?.[2] ?? match?.[3];
    const port = match?.[4] ? Number(match[4]) : 53;
    if (!match || !host || !isIP(host) || port < 1 || port > 65535 || (match[3] && match[4])) {
      throw new ConfigError(name, `must list DNS servers as IP or IP:port (IPv6 as [address]:port), comma-separated; got "${server}"`);
    }
  }
  return list;
}

function tlsFiles(env: Env): Pick<AppConfig, 'smtpTlsCert' | 'smtpTlsKey'> {
  const cert = optional(env, 'SMTP_TLS_CERT');
  const key = optional(env, 'SMTP_TLS_KEY');
  if ((cert === null) !== (key === null)) {
    throw new ConfigError(cert === null ? 'SMTP_TLS_CERT' : 'SMTP_TLS_KEY', 'SMTP_TLS_CERT and SMTP_TLS_KEY go together: set both or neither');
  }
  return { smtpTlsCert: cert, smtpTlsKey: key };
}

/** A random secret for signing access tokens when none is configured. */
export function generateSecret(): string {
  return randomBytes(48).toString('base64url');
}
