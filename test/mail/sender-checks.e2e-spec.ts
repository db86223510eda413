import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDkimKey, type DkimKey } from '../support/dkim-key.js';
import { startDnsStub, type DnsStub } from '../support/dns-stub.js';
import type { AppConfig } from '../../apps/api/src/core/config/app-config.js';
import { SenderAuthenticationService } from '../../apps/api/src/modules/mail/sender-authentication.service.js';

// The checks against a DNS server on loopback serving the test domains'
// records: SPF allows 127.0.0.1 for one domain only, one domain signs with
// DKIM, one publishes DMARC p=reject but neither SPF nor DKIM lets a stranger
// pass, one publishes nothing.

const mail = (from: string) =>
  Buffer.from(
    [`From: Anna <${from}>`, 'To: biuro@rowerownia.pl', 'Subject: Zmiana numeru konta', 'Date: Mon, 07 Dec 2026 10:00:00 +0100',
      `Message-ID: <${Math.random().toString(36).slice(2)}@test>`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '',
      'Prosimy o przelew na nowy numer konta.', ''].join('\r\n'),
  );

describe('SenderAuthenticationService', () => {
  let dns: DnsStub;
  let key: DkimKey;
  let service: SenderAuthenticationService;
  const config = (overrides: Partial<AppConfig> = {}) =>
    ({ mailAuth: true, mailAuthDnsServers: [dns.server], mailAuthDnsTimeoutMs: 1000, mailDomain: 'rowerownia.pl', ...overrides }) as AppConfig;

  beforeAll(async () => {
    key = createDkimKey('sklep-rowerowy.example');
    dns = await startDnsStub({
      'sklep-rowerowy.example': { TXT: ['v=spf1 ip4:127.0.0.1 -all'] },
      '_dmarc.sklep-rowerowy.example': { TXT: ['v=DMARC1; p=reject'] },
      [key.recordName]: { TXT: [key.record] },
      'bank-polski.example': { TXT: ['v=spf1 ip4:192.0.2.10 -all'] },
      '_dmarc.bank-polski.example': { TXT: ['v=DMARC1; p=reject; adkim=s; aspf=s'] },
    });
    service = new SenderAuthenticationService(config());
  });

  afterAll(async () => {
    await dns?.close();
  });

  it('passes a mail signed by its domain and sent from an address its SPF allows', async () => {
    const raw = await key.sign(mail('anna@sklep-rowerowy.example'));
    const result = await service.verify(raw, { clientIp: '::ffff:127.0.0.1', helo: 'mx.sklep-rowerowy.example', envelopeFrom: 'anna@sklep-rowerowy.example' });
    expect(result).toEqual({
      verdict: 'pass', domain: 'sklep-rowerowy.example', spf: 'pass', spfDomain: 'sklep-rowerowy.example',
      dkim: 'pass', dkimDomain: 'sklep-rowerowy.example', dmarc: 'pass', dmarcPolicy: 'reject',
    });
  });

  it('fails a forged From of a domain with DMARC p=reject', async () => {
    const result = await service.verify(mail('ksiegowosc@bank-polski.example'), {
      clientIp: '127.0.0.1', helo: 'localhost', envelopeFrom: 'ksiegowosc@bank-polski.example',
    });
    expect(result).toMatchObject({ verdict: 'fail', domain: 'bank-polski.example', spf: 'fail', dkim: 'none', dmarc: 'fail', dmarcPolicy: 'reject' });
  });

  it('fails a signature that no longer matches the mail', async () => {
    const signed = (await key.sign(mail('anna@sklep-rowerowy.example'))).toString().replace('nowy numer', 'inny numer');
    const result = await service.verify(Buffer.from(signed), { clientIp: '198.51.100.7', helo: 'x.example', envelopeFrom: 'anna@sklep-rowerowy.example' });
    // A body that no longer matches its hash is reported neutral (the signature is not counted), not pass.
    expect(result).toMatchObject({ verdict: 'fail', spf: 'fail', dkim: 'neutral', dmarc: 'fail' });
  });

  it('answers none for a domain that publishes nothing', async () => {
    const result = await service.verify(mail('jan@bez-rekordow.example'), { clientIp: '127.0.0.1', helo: 'localhost', envelopeFrom: 'jan@bez-rekordow.example' });
    expect(result).toMatchObject({ verdict: 'none', domain: 'bez-rekordow.example', spf: 'none', dkim: 'none', dmarc: 'none', dmarcPolicy: null });
  });

  it('answers temperror when the DNS server does not answer, and asks it once per name however many mails wait', async () => {
    // A server that takes the questions and never answers them.
    const silent = dgram.createSocket('udp4');
    let asked = 0;
    silent.on('message', () => (asked += 1));
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    try {
      const checks = new SenderAuthenticationService(config({ mailAuthDnsServers: [`127.0.0.1:${silent.address().port}`], mailAuthDnsTimeoutMs: 200 }));
      const envelope = { clientIp: '127.0.0.1', helo: 'localhost', envelopeFrom: 'jan@cisza.example' };
      const results = await Promise.all([1, 2, 3].map(() => checks.verify(mail('jan@cisza.example'), envelope)));
      expect(results.map((r) => r?.verdict)).toEqual(['temperror', 'temperror', 'temperror']);
      const afterFirst = asked;
      expect(afterFirst).toBeGreaterThan(0);
      expect((await checks.verify(mail('jan@cisza.example'), envelope))?.verdict).toBe('temperror');
      expect(asked).toBe(afterFirst);
    } finally {
      silent.close();
    }
  });

  it('checks nothing when switched off', async () => {
    const off = new SenderAuthenticationService(config({ mailAuth: false }));
    expect(await off.verify(mail('jan@bank-polski.example'), { clientIp: '127.0.0.1', helo: null, envelopeFrom: null })).toBeNull();
  });
});
