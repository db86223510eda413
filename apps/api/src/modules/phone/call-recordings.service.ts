import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { ChannelsService } from '../channels/channels.service.js';
import { IntakeService } from '../intake/intake.service.js';
import { CallsRepository, type CallRow } from './calls.repository.js';
import { PhoneErrorCode, PhoneException } from './phone.exception.js';

const FETCH_TIMEOUT_MS = 30_000;

/**
 * Call recordings: uploaded, or fetched once from the PBX's `recordingUrl`
 * (only from the hosts of CALL_RECORDING_HOSTS, at most
 * CALL_RECORDING_MAX_BYTES), and filed on the call's ticket as a phone
 * message with the file (through the intake, once per call).
 */
@Injectable()
export class CallRecordingsService {
  private readonly logger = new Logger('CallRecordings');

  constructor(
    private readonly calls: CallsRepository,
    private readonly channels: ChannelsService,
    private readonly intake: IntakeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses a URL whose host is not among the allowed ones (400 naming `recordingUrl`). */
  assertFetchable(url: string): void {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    const host = parsed?.host.toLowerCase();
    if (!parsed || !host || !this.config.callRecordingHosts.some((h) => h === host || h === parsed.hostname.toLowerCase())) {
      throw new PhoneException(PhoneErrorCode.RecordingRefused, 'recordingUrl must be on one of the hosts of CALL_RECORDING_HOSTS', 'recordingUrl');
    }
  }

  /** Fetches the call's recording once, after the answer (its state tells how it went). */
  fetchSoon(call: CallRow): void {
    if (!call.recordingUrl) return;
    void this.calls
      .update(call.id, { recordingState: 'pending' })
      .then(() => this.fetchOnce(call))
      .catch((error: Error) => this.logger.warn(`Recording of call ${call.id}: ${error.message}`));
  }

  /** An uploaded recording, filed on the call's ticket. */
  async upload(call: CallRow, filename: string, contentType: string, content: Buffer | null): Promise<void> {
    if (!content || !content.length) {
      throw new PhoneException(PhoneErrorCode.RecordingRefused, `The recording must be 1 byte to ${this.config.callRecordingMaxBytes} bytes`, 'file');
    }
    await this.file(call, filename, contentType, content);
  }

  private async fetchOnce(call: CallRow): Promise<void> {
    try {
      const response = await fetch(call.recordingUrl!, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok || !response.body) throw new Error(`the recording's server answered ${response.status}`);
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > this.config.callRecordingMaxBytes) throw new Error(`the recording is larger than ${this.config.callRecordingMaxBytes} bytes`);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > this.config.callRecordingMaxBytes) throw new Error(`the recording is larger than ${this.config.callRecordingMaxBytes} bytes`);
        chunks.push(Buffer.from(chunk));
      }
      const name = decodeURIComponent(new URL(call.recordingUrl!).pathname.split('/').pop() || 'nagranie');
      await this.file(call, name, (response.headers.get('content-type') ?? 'application/octet-stream').split(';')[0].trim(), Buffer.concat(chunks));
    } catch (error) {
      await this.calls.update(call.id, { recordingState: 'failed', recordingError: (error as Error).message.slice(0, 500) });
    }
  }

  private async file(call: CallRow, filename: string, contentType: string, content: Buffer): Promise<void> {
    if (!call.ticketId) throw new PhoneException(PhoneErrorCode.NoTicket, 'The call is on no ticket yet: log it first');
    const channel = call.channelId ? await this.channels.findById(call.channelId) : (await this.channels.list(1, 0, 'phone'))[0][0] ?? null;
    const name = filename.replace(/[\\/\0]/g, '_').slice(0, 200) || 'nagranie';
    const text = `Nagranie rozmowy: ${name}`;
    await this.intake.receive({
      channel: { id: channel?.id ?? null, type: 'phone' },
      sender: { identities: [], name: null },
      subject: text, text, visibleText: text, html: null,
      attachments: [{ filename: name, contentType: /^[\w.+-]+\/[\w.+-]+$/.test(contentType) ? contentType : 'application/octet-stream', content,
        sha256: createHash('sha256').update(content).digest('hex'), contentId: null, inline: false }],
      automated: false,
      route: null,
      externalThreadId: null,
      externalMessageId: `recording:${call.id}`,
      email: null,
      joinTicketId: call.ticketId,
    });
    await this.calls.update(call.id, { recordingState: 'attached', recordingError: null });
  }
}
