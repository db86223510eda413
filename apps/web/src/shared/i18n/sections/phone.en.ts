import type { phonePl } from './phone.pl';

// English texts of phone calls.
export const phoneEn: typeof phonePl = {
  card: {
    label: 'A customer is calling',
    ringing: '{number} is calling',
    known: '{name} — open tickets: {open}',
    last: 'latest: {subject}',
    unknown: 'Unknown number',
    possible: 'This may be:',
    confirm: 'This is {name}',
    openCustomer: 'Open customer',
    openTicket: 'Open latest ticket',
    dismiss: 'Close',
    anonymous: 'withheld number',
  },
};
