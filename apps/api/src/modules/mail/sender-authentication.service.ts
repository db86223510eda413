import { Inject, Injectable, Logger } from '@nestjs/common';
import { senderVerdict, type SenderAuthentication } from '@okienko/domain';
import { authenticate, type AuthenticateResult } from 'mailauth';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { createMailAuthResolver, type MailAuthResolver } from './mail-auth-dns-resolver.js';

/** What the SMTP session recorded of the sender, as SPF needs it. */
export interface SmtpEnvelope {
  clientIp: string | null;
  helo: string | null;
  envelopeFrom: string | null;
}

/**
 * Checks an inbound mail's sender: SPF of the connecting address for the
 * envelope sender, every DKIM signature, and DMARC of the From domain (which
 * needs SPF or DKIM to pass for that domain). Runs in the worker, before the
 * mail is filed, with DNS look-ups that time out fast and are cached.
 */
@Injectable()
export class SenderAuthenticationService {
  private readonly logger = new Logger('SenderAuthentication');
  private readonly resolver: MailAuthResolver;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.resolver = createMailAuthResolver({ servers: config.mailAuthDnsServers, timeoutMs: config.mailAuthDnsTimeoutMs });
  }

  /** The result to keep on the message; null when verification is switched off (MAIL_AUTH=off). */
  async verify(raw: Buffer, envelope: SmtpEnvelope): Promise<SenderAuthentication | null> {
    if (!this.config.mailAuth) return null;
    try {
      const result = await authenticate(raw, {
        ip: envelope.clientIp ?? undefined,
        helo: envelope.helo ?? undefined,
        sender: envelope.envelopeFrom ?? undefined,
        mta: this.config.mailDomain,
        resolver: this.resolver as (name: string, rrtype: string) => Promise<string[][] | string[]>,
        // ARC would only be reported (DMARC's verdict does not use it), at a third of the checks' CPU per mail.
        disableArc: true,
        disableBimi: true,
      });
      return compact(result);
    } catch (error) {
      // A mail the checks cannot even read is not a forgery proven: a temporary error, shown as such.
      this.logger.warn(`sender checks failed: ${(error as Error).message}`);
      return { verdict: 'temperror', domain: null, spf: 'temperror', spfDomain: null, dkim: 'temperror', dkimDomain: null, dmarc: 'temperror', dmarcPolicy: null };
    }
  }
}

function compact(result: AuthenticateResult): SenderAuthentication {
  const signatures = result.dkim?.results ?? [];
  const passed = signatures.filter((s) => s.status?.result === 'pass');
  const best = passed.find((s) => s.status?.aligned) ?? passed[0] ?? signatures[0];
  const dmarc = result.dmarc || null;
  const fromDomain = dmarc?.status?.header?.from ?? domainOf(result.dkim?.headerFrom?.[0]);
  const dmarcResult = dmarc?.status?.result ?? 'none';
  return {
    verdict: senderVerdict(dmarcResult),
    domain: fromDomain ?? null,
    spf: result.spf ? result.spf.status.result : 'none',
    spfDomain: result.spf ? result.spf.domain || null : null,
    dkim: best?.status?.result ?? 'none',
    dkimDomain: best?.signingDomain ?? null,
    dmarc: dmarcResult,
    dmarcPolicy: (dmarc?.rr && dmarc.policy) || null,
  };
}

function domainOf(address: string | undefined): string | null {
  const at = address?.lastIndexOf('@') ?? -1;
  return address && at >= 0 ? address.slice(at + 1).toLowerCase() || null : null;
}
