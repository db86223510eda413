import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { coalesceSocketWrites } from './coalesce-socket-writes.js';
import { InboundAddressesService } from './inbound-addresses.service.js';
import { InboundMailsService } from './inbound-mails.service.js';
import { MailSpool } from './mail-spool.js';

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The `smtp` role: Okienko's own inbound SMTP server. It accepts mail only
 * for configured inbound addresses (550 at RCPT time otherwise: never an open
 * relay) and answers 250 to DATA only once the raw mail is committed in
 * PostgreSQL; turning it into a ticket is the workers' job.
 */
@Injectable()
export class SmtpListenerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SmtpListener');
  private server?: SMTPServer;
  private port?: number;
  private readonly connectionsPerIp = new Map<string, number>();
  private readonly messagesPerIp = new Map<string, { minute: number; count: number }>();
  /** Sessions whose connection was accepted (and so counted per address). */
  private readonly counted = new WeakSet<object>();
  /** RCPT commands in the session's current transaction. */
  private readonly recipientsTried = new WeakMap<object, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly addresses: InboundAddressesService,
    private readonly mails: InboundMailsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const config = this.config;
    const tls = config.smtpTlsCert && config.smtpTlsKey ? { cert: readFileSync(config.smtpTlsCert), key: readFileSync(config.smtpTlsKey) } : null;
    const auth = config.smtpAuthUser !== null && config.smtpAuthPassword !== null;
    const options: SMTPServerOptions = {
      name: config.mailDomain,
      banner: 'Okienko',
      size: config.smtpMaxSize,
      logger: false,
      authOptional: true,
      disabledCommands: [...(tls ? [] : ['STARTTLS']), ...(auth ? [] : ['AUTH'])],
      ...(tls ?? {}),
      socketTimeout: 60_000,
      closeTimeout: 5_000,
      onConnect: (session, callback) => {
        const ip = session.remoteAddress;
        const open = (this.connectionsPerIp.get(ip) ?? 0) + 1;
        if (open > config.smtpMaxConnectionsPerIp) return callback(smtpError(421, 'Too many connections from your address, try again later'));
        this.connectionsPerIp.set(ip, open);
        // Only a connection counted here is subtracted when it closes: a refused one never held a slot.
        this.counted.add(session);
        callback();
      },
      onClose: (session) => {
        if (!this.counted.delete(session)) return;
        const ip = session.remoteAddress;
        const open = (this.connectionsPerIp.get(ip) ?? 1) - 1;
        if (open <= 0) this.connectionsPerIp.delete(ip);
        else this.connectionsPerIp.set(ip, open);
      },
      onAuth: (credentials, _session, callback) => {
        const ok = auth && credentials.username === config.smtpAuthUser && credentials.password === config.smtpAuthPassword;
        callback(ok ? null : smtpError(535, 'Authentication failed'), ok ? { user: credentials.username } : undefined);
      },
      onMailFrom: (_address, session, callback) => {
        if (!this.allowMessage(session.remoteAddress)) return callback(smtpError(451, 'Too many messages from your address, try again later'));
        this.recipientsTried.set(session, 0);
        callback();
      },
      onRcptTo: (address, session, callback) => {
        // Every RCPT of the transaction counts, refused ones and repeats too: guessing mailboxes is capped as well.
        const tried = (this.recipientsTried.get(session) ?? 0) + 1;
        this.recipientsTried.set(session, tried);
        if (tried > config.smtpMaxRecipients) return callback(smtpError(452, '4.5.3 Too many recipients'));
        this.addresses.accepts(address.address).then(
          (known) => (known ? callback() : callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`))),
          () => callback(smtpError(451, '4.3.0 Temporary failure, try again later')),
        );
      },
      onData: (stream, session, callback) => {
        // Kept up to the limit (in memory while small, in a temporary file beyond): the rest of an oversized mail is read and dropped.
        const spool = new MailSpool(config.smtpMaxSize);
        stream.on('data', (chunk: Buffer) => {
          if (!spool.write(chunk, () => stream.resume())) stream.pause();
        });
        stream.on('error', (error) => {
          void spool.discard();
          callback(smtpError(451, `4.3.0 ${error.message}`));
        });
        stream.on('end', () => {
          if (spool.exceeded || (stream as { sizeExceeded?: boolean }).sizeExceeded) {
            void spool.discard();
            return callback(smtpError(552, `5.3.4 Message too big: the limit is ${config.smtpMaxSize} bytes`));
          }
          const mailFrom = session.envelope.mailFrom;
          spool
            .read()
            .then((raw) => {
              void spool.discard();
              return this.mails.accept({
                raw,
                envelopeFrom: mailFrom ? mailFrom.address : null,
                envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                clientIp: session.remoteAddress ?? null,
                helo: session.hostNameAppearsAs ?? null,
              });
            })
            .then(
              (id) => callback(null, `2.0.0 Accepted as ${id}`),
              (error: Error) => {
                this.logger.error(`could not store a mail from ${session.remoteAddress}: ${error.message}`);
                callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
              },
            );
        });
      },
    };
    const server = new SMTPServer(options);
    server.on('error', (error) => this.logger.warn(`SMTP: ${error.message}`));
    server.server.on('connection', coalesceSocketWrites);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(config.smtpPort, config.smtpHost, () => resolve());
    });
    this.server = server;
    const address = server.server.address();
    this.port = typeof address === 'object' && address ? address.port : config.smtpPort;
    this.logger.log(`SMTP listener on ${config.smtpHost}:${this.port}${tls ? ' (STARTTLS)' : ''}${auth ? ' (AUTH)' : ''}`);
  }

  /** The port actually bound (differs from SMTP_PORT when that is 0). */
  boundPort(): number | undefined {
    return this.port;
  }

  private allowMessage(ip: string): boolean {
    const minute = Math.floor(Date.now() / 60_000);
    const entry = this.messagesPerIp.get(ip);
    if (!entry || entry.minute !== minute) {
      if (this.messagesPerIp.size > 10_000) this.messagesPerIp.clear();
      this.messagesPerIp.set(ip, { minute, count: 1 });
      return true;
    }
    entry.count += 1;
    return entry.count <= this.config.smtpMaxMessagesPerIpPerMinute;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
