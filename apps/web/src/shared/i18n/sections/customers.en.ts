import type { customersPl } from './customers.pl';

// English texts of the customer search and profile.
export const customersEn: typeof customersPl = {
  title: 'Customers',
  profileTitle: 'Customer',
  heading: 'Customers',
  total: '{n} customer | {n} customers',
  empty: 'No customers found',
  loadFailed: 'Could not load customers',
  notFound: 'There is no such customer',
  unnamed: 'Unnamed customer',
  backToSearch: 'Back to the customer search',
  table: 'Customers found',
  search: {
    label: 'Find a customer',
    placeholder: 'Name, e-mail or phone',
    submit: 'Search',
  },
  columns: {
    name: 'Customer',
    email: 'E-mail',
    phone: 'Phone',
    tags: 'Tags',
  },
  profile: {
    contact: 'Contact details',
    emails: 'E-mail',
    phones: 'Phone',
    tags: 'Tags',
    externalId: 'Identifier ({system})',
    since: 'Customer since',
    notes: 'Notes',
    history: 'Ticket history',
    ticketCount: '{n} ticket | {n} tickets',
    historyFailed: "Could not load the customer's tickets",
    noTickets: 'The customer has no tickets',
    channel: 'Channel',
  },
};
