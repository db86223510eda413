// Polish texts of the ticket page's deadlines (SLA and the statutory complaint deadline).
export const deadlinesPl = {
  heading: 'Terminy',
  policy: 'Zasady SLA: {name}',
  noPolicy: 'Bez zasad SLA',
  none: 'Brak terminów',
  paused: 'Wstrzymane — czekamy na klienta',
  firstResponse: 'Pierwsza odpowiedź',
  nextResponse: 'Kolejna odpowiedź',
  resolution: 'Rozwiązanie',
  statutory: 'Ustawowy termin reklamacji',
  statutoryHint: '14 dni kalendarzowych od zgłoszenia, bez wstrzymań',
  met: 'dotrzymany',
  breached: 'przekroczony',
  left: 'za {amount}',
  overdue: '{amount} po terminie',
  outcome: {
    met: 'SLA dotrzymane',
    breached: 'SLA przekroczone',
    stopped: 'SLA zatrzymane',
  },
  units: {
    days: '{major} d {minor} h',
    hours: '{major} h {minor} min',
    minutes: '{major} min {minor} s',
  },
};
