import { readdirSync } from 'node:fs';
import os from 'node:os';
import type { AppConfig } from '../config/app-config.js';

/** The process's threads (on Linux a nice value belongs to a thread); elsewhere the process itself (0). */
function ownThreads(): number[] {
  try {
    return readdirSync('/proc/self/task').map(Number);
  } catch {
    return [0];
  }
}

/**
 * A process that runs only the worker role lowers its CPU priority to
 * `workerNiceness` (WORKER_NICENESS, 10 unless set; 0 leaves it as it is). On
 * a machine it shares with the SMTP listener and the API, accepting mail (the
 * 250 a sending server waits for) and answering the panel then go first, and
 * turning queued mail into tickets takes the CPU they leave; alone on a
 * machine it changes nothing. Called before anything else starts, so threads
 * started later inherit it; a priority lowered further already stays. Answers
 * the nice value applied, or null when the process keeps its priority.
 */
export function lowerWorkerPriority(config: Pick<AppConfig, 'roles' | 'workerNiceness'>): number | null {
  if (config.workerNiceness === 0 || config.roles.length !== 1 || config.roles[0] !== 'worker') return null;
  for (const thread of ownThreads()) {
    try {
      if (os.getPriority(thread) < config.workerNiceness) os.setPriority(thread, config.workerNiceness);
    } catch {
      // The thread has ended since it was listed.
    }
  }
  return config.workerNiceness;
}
