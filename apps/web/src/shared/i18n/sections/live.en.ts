import type { livePl } from './live.pl';

// English texts of live updates: who else has a ticket open.
export const liveEn: typeof livePl = {
  presence: {
    label: 'Other agents on this ticket',
    viewing: '{name} is viewing this ticket',
    replying: '{name} is replying to this ticket',
  },
};
