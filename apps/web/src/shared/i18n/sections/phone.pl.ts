// Polish texts of phone calls: the caller card shown while a call rings.
export const phonePl = {
  card: {
    label: 'Dzwoni klient',
    ringing: 'Dzwoni {number}',
    known: '{name} — otwarte zgłoszenia: {open}',
    last: 'ostatnie: {subject}',
    unknown: 'Nieznany numer',
    possible: 'Możliwe, że to:',
    confirm: 'To jest {name}',
    openCustomer: 'Otwórz klienta',
    openTicket: 'Otwórz ostatnie zgłoszenie',
    dismiss: 'Zamknij',
    anonymous: 'numer zastrzeżony',
  },
};
