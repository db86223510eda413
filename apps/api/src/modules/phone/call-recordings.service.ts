import { createHash } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { ChannelsService } from '../channels/channels.service.js';
import { IntakeService } from '../intake/intake.service.js';
import { fetchRecording, PermanentRecordingError, recordingHostAllowed } from './call-recording-fetch.js';
import { CALL_RECORDING_ATTEMPTS, CALL_RECORDING_BACKOFF_MS, CALL_RECORDING_QUEUE, type CallRecordingJob } from './call-recording-queue.js';
import { CallsRepository, type CallRow } from './calls.repository.js';
import { PhoneErrorCode, PhoneException } from './phone.exception.js';

/**
 * Call recordings: uploaded, or fetched from the PBX's `recordingUrl` by a
 * job of the `call-recordings` queue (one per call; a server error, time-out
 * or lost connection is tried again with growing pauses; only from the hosts
 * of CALL_RECORDING_HOSTS, at most CALL_RECORDING_MAX_BYTES), and filed on
 * the call's ticket as a phone message with the file (through the intake,
 * once per call). The call's `recordingState` tells how it went.
 */
@Injectable()
export class CallRecordingsService {
  private readonly logger = new Logger('CallRecordings');

  constructor(
    private readonly calls: CallsRepository,
    private readonly channels: ChannelsService,
    private readonly intake: IntakeService,
    @InjectQueue(CALL_RECORDING_QUEUE) private readonly queue: Queue<CallRecordingJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses a URL whose host is not among the allowed ones (400 naming `recordingUrl`). */
  assertFetchable(url: string): void {
    if (!recordingHostAllowed(url, this.config.callRecordingHosts)) {
      throw new PhoneException(PhoneErrorCode.RecordingRefused, 'recordingUrl must be an http(s) URL on one of the hosts of CALL_RECORDING_HOSTS', 'recordingUrl');
    }
  }

  /** Queues the fetch of the call's recording (once per call); the call is `pending` until the job attaches it or gives up. */
  async fetchSoon(call: CallRow): Promise<void> {
    if (!call.recordingUrl) return;
    await this.calls.update(call.id, { recordingState: 'pending', recordingError: null });
    try {
      await this.queue.add('fetch', { callId: call.id }, {
        jobId: `recording-${call.id}`,
        attempts: CALL_RECORDING_ATTEMPTS,
        backoff: { type: 'exponential', delay: CALL_RECORDING_BACKOFF_MS },
        removeOnComplete: true,
        removeOnFail: 1000,
      });
    } catch (error) {
      this.logger.warn(`Recording of call ${call.id} not queued: ${(error as Error).message}`);
      await this.calls.update(call.id, { recordingState: 'failed', recordingError: `the fetch could not be queued (${(error as Error).message})`.slice(0, 500) });
    }
  }

  /**
   * The job: fetches and files the recording. A temporary failure is thrown
   * (the queue tries again later) unless it was the last try; a permanent one
   * marks the call failed at once.
   */
  async fetchJob(callId: string, lastAttempt: boolean): Promise<void> {
    const call = await this.calls.findById(callId);
    if (!call?.recordingUrl || call.recordingState === 'attached') return;
    try {
      const file = await fetchRecording(call.recordingUrl, this.config.callRecordingHosts, this.config.callRecordingMaxBytes);
      await this.file(call, file.filename, file.contentType, file.content);
    } catch (error) {
      const message = (error as Error).message.slice(0, 450);
      if (error instanceof PermanentRecordingError || lastAttempt) {
        await this.calls.update(call.id, { recordingState: 'failed', recordingError: message });
        return;
      }
      await this.calls.update(call.id, { recordingState: 'pending', recordingError: `${message}; trying again` });
      throw error;
    }
  }

  /** An uploaded recording, filed on the call's ticket. */
  async upload(call: CallRow, filename: string, contentType: string, content: Buffer | null): Promise<void> {
    if (!content || !content.length) {
      throw new PhoneException(PhoneErrorCode.RecordingRefused, `The recording must be 1 byte to ${this.config.callRecordingMaxBytes} bytes`, 'file');
    }
    await this.file(call, filename, contentType, content);
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
