/**
 * The product's configuration, read from the environment once at start and
 * validated. A missing or malformed value stops start-up with a message that
 * names the variable.
 */
export type Role = 'api' | 'smtp' | 'worker';

export interface AppConfig {
  roles: Role[];
  /** Empty when the embedded PostgreSQL should be started. */
  databaseUrl: string | null;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  embeddedPostgresPort: number;
  redisUrl: string;
  /** Prefix of every Redis key and BullMQ queue, so installations can share one Redis. */
  redisPrefix: string;
  httpPort: number;
  httpHost: string;
  smtpPort: number;
  smtpHost: string;
  publicUrl: string;
  outboundSmtpUrl: string | null;
  mailDomain: string;
  jwtSecret: string;
  /** During a rotation of JWT_SECRET: the secret before, still accepted (never used to sign). */
  jwtSecretPrevious: string | null;
  jwtTtlSeconds: number;
  adminEmail: string | null;
  adminPassword: string | null;
  /** Days after closing during which a customer reply reopens the ticket. */
  reopenWindowDays: number;
  /** Time zone used for ticket-number years and business calendars. */
  timeZone: string;
  /** Where a phone number written without a country code is read (ISO 3166 code, `PL`). */
  defaultPhoneRegion: string;
  loginMaxAttempts: number;
  loginWindowSeconds: number;
  /** Where the built agent panel lives; served at `/` when present. */
  webDistDir: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** Largest mail the SMTP listener accepts, in bytes. */
  smtpMaxSize: number;
  /** PEM files for STARTTLS; both or neither. */
  smtpTlsCert: string | null;
  smtpTlsKey: string | null;
  /** Optional SMTP AUTH for senders that need it (AUTH is offered, never required). */
  smtpAuthUser: string | null;
  smtpAuthPassword: string | null;
  smtpMaxConnectionsPerIp: number;
  smtpMaxMessagesPerIpPerMinute: number;
  /** RCPT commands per mail transaction (452 beyond). */
  smtpMaxRecipients: number;
  /** Automatic replies (acknowledgements) to one sender per hour, and to everybody per minute. */
  autoReplyPerSenderPerHour: number;
  autoReplyGlobalPerMinute: number;
  /** Shown in acknowledgements: when the customer can expect an answer, and a help page. */
  ackExpectedResponse: string;
  /** The same promise in English, for customers written to in English. */
  ackExpectedResponseEn: string;
  ackFaqUrl: string | null;
  /** The From of mail that belongs to no inbound address. */
  defaultFromAddress: string;
  /** How often time-based rules ("3 days waiting for the customer") are checked. */
  rulesSweepIntervalMs: number;
  /** How often SLA warnings and breaches are looked for. */
  slaSweepIntervalMs: number;
  /** How often snoozed tickets whose time has come are woken (and notification mails handed out). */
  snoozeSweepIntervalMs: number;
  /** Days a satisfaction survey's link stays valid after it is sent. */
  surveyLinkDays: number;
  /**
   * The nice value (0–19) a process running only the worker role gives itself,
   * so that accepting mail and answering the panel go first on a shared machine.
   */
  workerNiceness: number;
  /** Whether agents see and work tickets that are in no queue yet (besides those of their queues and those assigned to them). */
  agentsSeeUnqueuedTickets: boolean;
  /** Whether inbound mail's SPF, DKIM and DMARC are verified (MAIL_AUTH). */
  mailAuth: boolean;
  /** DNS servers for the verification (`ip` or `ip:port`); empty: the system's resolvers. */
  mailAuthDnsServers: string[];
  /** How long one DNS look-up of the verification may take before it counts as a temporary error. */
  mailAuthDnsTimeoutMs: number;
  /** No acknowledgement, automatic answer or survey to a sender whose domain failed DMARC. */
  mailAuthSuppressAutoReplyOnDmarcFail: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}
