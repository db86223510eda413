// Polish texts of live updates: who else has a ticket open.
export const livePl = {
  presence: {
    label: 'Inni agenci w tym zgłoszeniu',
    viewing: '{name} przegląda to zgłoszenie',
    replying: '{name} pisze odpowiedź w tym zgłoszeniu',
  },
};
