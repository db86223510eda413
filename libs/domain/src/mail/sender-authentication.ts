/**
 * What the checks of an inbound mail's sender found (SPF, DKIM, DMARC), in
 * the compact form kept on the message. `verdict` is DMARC's answer for the
 * domain in From: `fail` means the domain's owner does not vouch for the mail
 * (a forged sender, or a forwarder that broke the signature).
 */
export const SENDER_VERDICTS = ['pass', 'fail', 'none', 'temperror'] as const;
export type SenderVerdict = (typeof SENDER_VERDICTS)[number];

/** One check's result keyword (RFC 8601): pass, fail, softfail, neutral, none, temperror, permerror, policy. */
export type AuthCheckResult = string;

export interface SenderAuthentication {
  verdict: SenderVerdict;
  /** The domain of the From header (the one DMARC speaks for); null when From has no usable domain. */
  domain: string | null;
  spf: AuthCheckResult;
  /** The domain SPF checked (of the envelope sender, or of HELO). */
  spfDomain: string | null;
  /** The best DKIM signature's result: pass when any signature verified, none without signatures. */
  dkim: AuthCheckResult;
  /** The signing domain of that signature. */
  dkimDomain: string | null;
  dmarc: AuthCheckResult;
  /** The policy the domain publishes (none, quarantine, reject); null without a DMARC record. */
  dmarcPolicy: string | null;
}

/** The verdict from DMARC's result keyword: permerror and anything unknown count as none (no usable policy). */
export function senderVerdict(dmarc: AuthCheckResult): SenderVerdict {
  if (dmarc === 'pass' || dmarc === 'fail') return dmarc;
  if (dmarc === 'temperror' || dmarc === 'temperr') return 'temperror';
  return 'none';
}

/** Whether the sender's domain failed DMARC (then nothing is sent to it automatically, by setting). */
export function failedDmarc(authentication: Pick<SenderAuthentication, 'verdict'> | null | undefined): boolean {
  return authentication?.verdict === 'fail';
}
