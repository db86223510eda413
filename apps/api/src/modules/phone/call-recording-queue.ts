/** The BullMQ queue of call recordings to fetch from the PBX. */
export const CALL_RECORDING_QUEUE = 'call-recordings';

export interface CallRecordingJob {
  callId: string;
}

/** Tries of one recording (the first and four retries, 2, 4, 8 and 16 s apart). */
export const CALL_RECORDING_ATTEMPTS = 5;
export const CALL_RECORDING_BACKOFF_MS = 2_000;
