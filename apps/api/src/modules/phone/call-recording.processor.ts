import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { CALL_RECORDING_QUEUE, type CallRecordingJob } from './call-recording-queue.js';
import { CallRecordingsService } from './call-recordings.service.js';

/** Fetches queued call recordings; a temporary failure is tried again with backoff (the job's attempts). */
@Processor(CALL_RECORDING_QUEUE, { concurrency: 2 })
export class CallRecordingProcessor extends WorkerHost {
  constructor(private readonly recordings: CallRecordingsService) {
    super();
  }

  async process(job: Job<CallRecordingJob>): Promise<void> {
    await this.recordings.fetchJob(job.data.callId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }
}
