import { promises as dns } from 'node:dns';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';

/** Answers that say for certain the domain has no such records. */
const NO_RECORDS = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

/**
 * Whether an e-mail domain can receive mail: it has MX records, or else an A
 * or AAAA record. Only a definite "no such domain / no records" refuses; a
 * resolver that times out or fails counts as yes (a person's message is not
 * refused because our DNS is down). Answers are kept for ten minutes.
 */
@Injectable()
export class EmailDomainCheckService {
  private readonly resolver: dns.Resolver;
  private readonly cache = new Map<string, { ok: boolean; until: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.resolver = new dns.Resolver({ timeout: config.webForms.dnsTimeoutMs, tries: 1 });
    if (config.webForms.dnsServers.length) this.resolver.setServers(config.webForms.dnsServers);
  }

  async receivesMail(domain: string): Promise<boolean> {
    if (!this.config.webForms.checkEmailDomain) return true;
    const name = domain.toLowerCase();
    const cached = this.cache.get(name);
    if (cached && cached.until > Date.now()) return cached.ok;
    const ok = await this.lookUp(name);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(name, { ok, until: Date.now() + 600_000 });
    return ok;
  }

  private async lookUp(domain: string): Promise<boolean> {
    const answers = await Promise.all([
      this.resolver.resolveMx(domain).then((r) => (r.length ? 'yes' : 'no'), errorAnswer),
      this.resolver.resolve4(domain).then((r) => (r.length ? 'yes' : 'no'), errorAnswer),
      this.resolver.resolve6(domain).then((r) => (r.length ? 'yes' : 'no'), errorAnswer),
    ]);
    if (answers.includes('yes')) return true;
    // Every look-up said for certain there is nothing: the domain cannot receive mail.
    return !answers.every((a) => a === 'no');
  }
}

function errorAnswer(error: { code?: string }): 'no' | 'unknown' {
  return NO_RECORDS.has(error.code ?? '') ? 'no' : 'unknown';
}
