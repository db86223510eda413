import type { webFormsPl } from './web-forms.pl';

// English texts of the web forms screen.
export const webFormsEn: typeof webFormsPl = {
  nav: 'Web forms',
  admin: {
    title: 'Web forms',
    heading: 'Web forms',
    explain:
      "The contact form and the complaint form on the shop's site: every submission becomes a ticket. A complaint goes to the complaints queue and starts the statutory 14-day deadline.",
    table: 'Web forms',
    name: 'Name',
    kind: 'Kind',
    kinds: { contact: 'Contact', complaint: 'Complaint' },
    embed: 'Code to paste into the page',
    embedFor: 'Code to paste into the page for the form {name}',
    hosted: 'Page with the form',
    key: 'Form key (for the public API)',
    origins: 'Sites it may be embedded on (one per line)',
    originsFor: 'Sites of the form {name} (one per line)',
    originsHelp: 'E.g. https://shop.example. On other sites the form does not work.',
    saveOrigins: 'Save sites',
    originsSaved: 'Saved the sites of the form {name}.',
    empty: 'There are no forms yet.',
    createHeading: 'New form',
    create: 'Add form',
    created: "Added the form {name}. Paste the code into the shop's page.",
    nameRequired: 'Give the form a name.',
    fieldsHint: "A form's fields can be changed in the channel's settings (Channels) or through the API.",
  },
  ticket: {
    heading: 'Form data',
    complaintHeading: 'Complaint form data',
  },
  spam: {
    heading: 'Suspected spam',
    explain: 'Submissions kept as spam are not lost: if one is from a customer, click "Not spam" and it becomes a ticket.',
    table: 'Submissions kept as spam',
    when: 'When',
    form: 'Form',
    email: 'E-mail',
    reasons: 'Why',
    values: 'Content',
    notSpam: 'Not spam',
    notSpamFrom: 'Not spam: the submission from {email}',
    filed: 'Created ticket {number}.',
    empty: 'Nothing was kept.',
    reason: {
      honeypot: 'hidden field filled in',
      too_fast: 'sent within seconds',
      email_rate: 'too many from this address',
    },
  },
};
