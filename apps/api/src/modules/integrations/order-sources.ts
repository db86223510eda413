import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { TokenBucket } from './guards/token-bucket.js';
import type { IntegrationRow } from './integration.js';
import { IntegrationSecrets } from './integration-secrets.service.js';
import { BASELINKER_LIMIT, BaseLinkerSource } from './sources/baselinker.source.js';
import type { OrderSource } from './sources/order-source.js';
import { ShopClient, type ShopCall } from './sources/shop-client.js';
import { SHOPER_LIMIT, ShoperSource } from './sources/shoper.source.js';
import { WooCommerceSource } from './sources/woocommerce.source.js';

/** WooCommerce documents no limit; a shop's own server is spared bursts all the same. */
const WOOCOMMERCE_LIMIT = { capacity: 20, perSecond: 5 };

/** Builds the adapter of an integration for one lookup (its credentials decrypted only then, never kept). */
@Injectable()
export class OrderSources {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secrets: IntegrationSecrets,
    private readonly bucket: TokenBucket,
  ) {}

  async sourceFor(integration: IntegrationRow, call: ShopCall): Promise<OrderSource> {
    const secret = await this.secrets.decrypt(integration.secrets);
    const settings = integration.settings;
    switch (integration.type) {
      case 'woocommerce': {
        const client = new ShopClient(this.bucket, `woocommerce:${hash(settings.url)}`, WOOCOMMERCE_LIMIT, call);
        return new WooCommerceSource(integration.id, { url: settings.url, consumerKey: secret.consumerKey, consumerSecret: secret.consumerSecret }, client);
      }
      case 'baselinker': {
        // BaseLinker's limit is per token: integrations sharing a token share the bucket.
        const client = new ShopClient(this.bucket, `baselinker:${hash(secret.token)}`, BASELINKER_LIMIT, call);
        return new BaseLinkerSource(integration.id, { token: secret.token, apiUrl: settings.apiUrl ?? this.config.baselinkerApiUrl }, client);
      }
      case 'shoper': {
        const client = new ShopClient(this.bucket, `shoper:${hash(settings.url)}`, SHOPER_LIMIT, call);
        return new ShoperSource(integration.id, { url: settings.url, login: settings.login, password: secret.password }, client);
      }
    }
  }

  /** A lookup's budget: SHOP_TIMEOUT_MS from now. */
  newCall(): ShopCall {
    return { signal: AbortSignal.timeout(this.config.shopTimeoutMs), deadline: Date.now() + this.config.shopTimeoutMs };
  }

  get timeoutMs(): number {
    return this.config.shopTimeoutMs;
  }
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 22);
}
