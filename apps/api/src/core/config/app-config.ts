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
  /** How often an open live stream gets a comment line, so idle connections and proxies in between keep it open. */
  liveKeepAliveMs: number;
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
  /** Web forms and status links (FORMS_*, STATUS_LINK_DAYS_AFTER_CLOSE, STATUS_MESSAGES_PER_IP). */
  webForms: WebFormsConfig;
  /** Key of the secrets kept in the database (shop credentials); null: one generated per installation and kept in the database. */
  secretsKey: string | null;
  /** How long one request to a shop (WooCommerce, BaseLinker, Shoper) may take. */
  shopTimeoutMs: number;
  /** How long a shop's answer about a customer's orders is reused. */
  shopCacheSeconds: number;
  /** BaseLinker's API endpoint (connector.php), for integrations that name none. */
  baselinkerApiUrl: string;
  /** Whether webhooks and API-channel callbacks may reach private, loopback and link-local addresses (WEBHOOKS_ALLOW_PRIVATE_NETWORKS). */
  webhooksAllowPrivateNetworks: boolean;
  /** Hosts (`host` or `host:port`) call recordings may be fetched from (CALL_RECORDING_HOSTS, comma-separated); none: no fetching. */
  callRecordingHosts: string[];
  /** The largest call recording fetched or uploaded, in bytes (CALL_RECORDING_MAX_BYTES, 50 MB by default). */
  callRecordingMaxBytes: number;
  /** Rate limits of the chat widget's public routes (CHAT_SESSIONS_PER_IP_PER_MINUTE, CHAT_REQUESTS_PER_IP_PER_MINUTE, CHAT_MESSAGES_PER_SESSION_PER_MINUTE). */
  chatLimits: { sessionsPerIpPerMinute: number; requestsPerIpPerMinute: number; messagesPerSessionPerMinute: number };
  /** Waits before each retry of a failed webhook delivery (WEBHOOKS_RETRY_DELAYS_MS, comma-separated). */
  webhooksRetryDelaysMs: number[];
  /** How long an endpoint may fail before it is disabled (WEBHOOKS_DISABLE_AFTER_HOURS). */
  webhooksDisableAfterMs: number;
  /** How long one webhook request may take. */
  webhooksTimeoutMs: number;
  /** How often due webhook deliveries are looked for. */
  webhooksSweepIntervalMs: number;
  /** How often the Allegro channels due for a read (or an authorisation check) are looked for. */
  marketplacesTickMs: number;
}

/** Spam protection and limits of the web forms, and how long customers' status links hold. */
export interface WebFormsConfig {
  /** A submission sooner than this after its form token was issued is kept as spam (people take longer). */
  minFillSeconds: number;
  /** A form token older than this is refused (the page is reloaded for a new one). */
  tokenMaxAgeSeconds: number;
  /** Zero bits the proof of work needs while traffic is normal. */
  powDifficulty: number;
  /** The most the proof of work grows to during a flood. */
  powMaxDifficulty: number;
  /** Submissions per minute to one form beyond which each doubling adds a bit of work. */
  floodStepPerMinute: number;
  /** The window of the per-address and per-e-mail counters. */
  rateWindowSeconds: number;
  /** Submissions per client address within the window (then 429). */
  submissionsPerIp: number;
  /** Submissions per e-mail address within the window (beyond: kept as spam). */
  submissionsPerEmail: number;
  /** Submissions per form per minute (then 429). */
  submissionsPerFormPerMinute: number;
  /** Form definitions, pages and scripts per client address within the window. */
  readsPerIp: number;
  /** Whether the e-mail's domain must have MX or A records. */
  checkEmailDomain: boolean;
  /** DNS servers for that check; empty: the system's. */
  dnsServers: string[];
  dnsTimeoutMs: number;
  /** Days a status link still works after its ticket was closed. */
  statusLinkDaysAfterClose: number;
  /** Status page reads and messages per client address within the window. */
  statusMessagesPerIp: number;
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
