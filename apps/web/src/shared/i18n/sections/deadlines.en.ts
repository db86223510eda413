import type { deadlinesPl } from './deadlines.pl';

// English texts of the ticket page's deadlines (SLA and the statutory complaint deadline).
export const deadlinesEn: typeof deadlinesPl = {
  heading: 'Deadlines',
  policy: 'SLA policy: {name}',
  noPolicy: 'No SLA policy',
  none: 'No deadlines',
  paused: 'Paused — waiting for the customer',
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
  statutory: 'Statutory complaint deadline',
  statutoryHint: '14 calendar days from the complaint, never paused',
  met: 'met',
  breached: 'missed',
  left: 'in {amount}',
  overdue: '{amount} overdue',
  outcome: {
    met: 'SLA met',
    breached: 'SLA breached',
    stopped: 'SLA stopped',
  },
  units: {
    days: '{major} d {minor} h',
    hours: '{major} h {minor} min',
    minutes: '{major} min {minor} s',
  },
};
