import { generateKeyPairSync } from 'node:crypto';
import { dkimSign, type DKIMSignOptions } from 'mailauth';

// A DKIM key of a test domain: the private half signs mails as the domain's
// mail server would, the public half is the TXT record at
// `<selector>._domainkey.<domain>` (served by the DNS stub).

export interface DkimKey {
  domain: string;
  selector: string;
  /** The name of the key's TXT record. */
  recordName: string;
  /** The TXT record: `v=DKIM1; k=rsa; p=…`. */
  record: string;
  /** The message with a DKIM-Signature of the domain prepended. */
  sign(raw: Buffer | string): Promise<Buffer>;
}

export function createDkimKey(domain: string, selector = 'mail'): DkimKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const record = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    domain,
    selector,
    recordName: `${selector}._domainkey.${domain}`,
    record,
    async sign(raw) {
      const message = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
      // The keys go in signatureData (mailauth signs nothing with them at the top level only). The signing time is
      // given: without it mailauth reads the clock once for the header it signs and again for the header it writes,
      // and when a second turns between the two the signature does not match its own header.
      const options = {
        canonicalization: 'relaxed/relaxed', signTime: new Date(), signatureData: [{ signingDomain: domain, selector, privateKey: pem }],
      };
      const signed = await dkimSign(message, options as unknown as DKIMSignOptions);
      if (signed.errors.length || !signed.signatures.trim()) throw new Error(`DKIM signing failed: ${JSON.stringify(signed.errors)}`);
      return Buffer.concat([Buffer.from(signed.signatures), message]);
    },
  };
}
