import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { SecretsService } from '../webhooks/secrets.service.js';
import { ApiChannelErrorCode, ApiChannelException } from './api-channel.exception.js';
import { ApiChannelRepository } from './api-channel.repository.js';
import { signAttachmentLink, verifyAttachmentLink } from './attachment-links.js';

/** Signed, expiring links to the attachments of replies on an API channel, and reading them back. */
@Injectable()
export class ApiChannelAttachmentsService {
  constructor(
    private readonly repository: ApiChannelRepository,
    private readonly secrets: SecretsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The links of a message's attachments, signed with the channel's secret. */
  async links(channel: { id: string; key: string }, messageId: string, secret: string): Promise<{ filename: string; contentType: string; url: string }[]> {
    const files = await this.repository.attachmentsOf(messageId);
    const base = this.config.publicUrl.replace(/\/+$/, '');
    const now = new Date();
    return files.map((f) => ({
      filename: f.filename,
      contentType: f.contentType,
      url: `${base}/api/v1/channels/${encodeURIComponent(channel.key)}/attachments/${f.id}?${signAttachmentLink(secret, f.id, now)}`,
    }));
  }

  async read(key: string, attachmentId: string, expires: string | undefined, signature: string | undefined) {
    const invalid = () => new ApiChannelException(ApiChannelErrorCode.AttachmentLinkInvalid, 'The link is unknown, expired or not ours');
    const channel = await this.repository.activeChannelByKey('api', key);
    const secretEnc = channel ? await this.repository.secretOf(channel.id) : null;
    if (!channel || !secretEnc) throw invalid();
    if (!verifyAttachmentLink(await this.secrets.decrypt(secretEnc), attachmentId, expires, signature, new Date())) throw invalid();
    const file = await this.repository.attachmentOnChannel(channel.id, attachmentId);
    if (!file) throw invalid();
    return file;
  }
}
