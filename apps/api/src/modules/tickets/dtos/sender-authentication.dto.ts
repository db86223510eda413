import { ApiProperty } from '@nestjs/swagger';
import { SENDER_VERDICTS, type SenderAuthentication, type SenderVerdict } from '@okienko/domain';

const RESULT = 'An RFC 8601 result: pass, fail, softfail, neutral, none, temperror, permerror, policy.';

/** What the SPF, DKIM and DMARC checks found of an inbound mail's sender. */
export class SenderAuthenticationDto {
  @ApiProperty({
    enum: SENDER_VERDICTS,
    description:
      "DMARC's answer for the From domain. fail: the domain's owner does not vouch for the mail (the sender is not verified: " +
      'possibly forged; no automatic answer goes to it, by setting); temperror: DNS did not answer in time; none: the domain publishes no DMARC policy.',
  })
  verdict!: SenderVerdict;

  @ApiProperty({ type: String, nullable: true, description: 'The domain of the From header.', example: 'bank.pl' })
  domain!: string | null;

  @ApiProperty({ description: `SPF of the connecting address for the envelope sender. ${RESULT}`, example: 'pass' })
  spf!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The domain SPF was checked for.' })
  spfDomain!: string | null;

  @ApiProperty({ description: `The best DKIM signature (pass when any verified; none without signatures). ${RESULT}`, example: 'pass' })
  dkim!: string;

  @ApiProperty({ type: String, nullable: true, description: "That signature's signing domain (d=)." })
  dkimDomain!: string | null;

  @ApiProperty({ description: `DMARC of the From domain. ${RESULT}`, example: 'pass' })
  dmarc!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The DMARC policy the domain publishes: none, quarantine or reject.', example: 'reject' })
  dmarcPolicy!: string | null;

  static from(value: SenderAuthentication): SenderAuthenticationDto {
    return {
      verdict: value.verdict, domain: value.domain, spf: value.spf, spfDomain: value.spfDomain,
      dkim: value.dkim, dkimDomain: value.dkimDomain, dmarc: value.dmarc, dmarcPolicy: value.dmarcPolicy,
    };
  }
}
