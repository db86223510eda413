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
  log: {
    open: 'Log a call',
    heading: 'Log a phone call',
    direction: 'Direction',
    in: 'The customer called',
    out: 'I called the customer',
    phone: 'Phone number',
    minutes: 'Duration (minutes)',
    note: 'Note of the call',
    save: 'Save',
    done: 'The call is saved on a ticket.',
    openTicket: 'Open the ticket',
    failed: 'The call could not be saved: {message}',
  },
};
