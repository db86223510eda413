// Polish texts of message attachments on the ticket page.
export const attachmentsPl = {
  enlarge: 'Powiększ obraz {name}',
  imageAlt: 'Załącznik {name}',
  download: 'Pobierz',
  loading: 'Wczytywanie podglądu…',
  previewFailed: 'Podgląd niedostępny',
  downloadFailed: 'Nie udało się pobrać pliku {name}',
};
