import { InitialSchema1766400000000 } from './1766400000000-initial-schema.js';
import { EmailChannel1766500000000 } from './1766500000000-email-channel.js';

/** Every migration in the order it runs; new ones are appended here. */
export const migrations = [InitialSchema1766400000000, EmailChannel1766500000000];
