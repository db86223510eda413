import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { SecretsService } from '../webhooks/secrets.service.js';
import { verifySignature } from '../webhooks/standard-webhook-signature.js';
import { ApiChannelErrorCode, ApiChannelException } from './api-channel.exception.js';
import { ApiChannelRepository, type ApiChannelRow } from './api-channel.repository.js';
import { InboundRateLimiter } from './inbound-rate-limiter.js';

/** How far a request's webhook-timestamp may be from now. */
const TOLERANCE_SECONDS = 300;

export type SignedRequest = Request & { rawBody?: string; apiChannel?: ApiChannelRow };

/**
 * Admits a request to an API channel's inbound route before its body is
 * validated: rate limits, an active API channel with the key (404 otherwise),
 * and a Standard Webhooks signature of the body as received with the
 * channel's secret, timestamped within 5 minutes (401 otherwise).
 */
@Injectable()
export class ApiChannelSignatureGuard implements CanActivate {
  constructor(
    private readonly repository: ApiChannelRepository,
    private readonly secrets: SecretsService,
    private readonly limiter: InboundRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SignedRequest>();
    const key = String(request.params.key ?? '');
    await this.limiter.take(request.ip ?? 'unknown', key);
    const channel = await this.repository.activeChannelByKey('api', key);
    const secretEnc = channel ? await this.repository.secretOf(channel.id) : null;
    if (!channel || !secretEnc) throw new ApiChannelException(ApiChannelErrorCode.ChannelNotFound, 'No active API channel has this key');
    const header = (name: string) => (typeof request.headers[name] === 'string' ? (request.headers[name] as string) : undefined);
    const verdict = verifySignature(
      await this.secrets.decrypt(secretEnc),
      { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature') },
      request.rawBody ?? '',
      new Date(),
      TOLERANCE_SECONDS,
    );
    if (verdict === 'missing') {
      throw new ApiChannelException(ApiChannelErrorCode.SignatureMissing, 'Sign the request: webhook-id, webhook-timestamp and webhook-signature headers (Standard Webhooks)');
    }
    if (verdict === 'stale') {
      throw new ApiChannelException(ApiChannelErrorCode.SignatureExpired, `webhook-timestamp must be within ${TOLERANCE_SECONDS / 60} minutes of now`);
    }
    if (verdict === 'mismatch') {
      throw new ApiChannelException(ApiChannelErrorCode.SignatureInvalid, "webhook-signature is not the body's signature with the channel's secret");
    }
    request.apiChannel = channel;
    return true;
  }
}
