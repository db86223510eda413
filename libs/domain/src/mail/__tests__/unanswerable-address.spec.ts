import { describe, expect, it } from '@jest/globals';
import { isUnanswerableAddress } from '../classify-inbound-mail.js';

describe('isUnanswerableAddress', () => {
  it.each(['MAILER-DAEMON@mx.example.pl', 'postmaster@sklep.pl', 'no-reply@allegro.pl', 'noreply+zamowienia@sklep.pl', 'do_not_reply@bank.pl', 'nie-odpowiadaj@urzad.gov.pl', 'newsletter@sklep.pl', 'Sklep <notifications@sklep.pl>', ''])(
    '%j cannot be answered',
    (address) => expect(isUnanswerableAddress(address)).toBe(true),
  );

  it.each(['jan.kowalski@example.pl', 'Jan <biuro@rowerownia.pl>', 'reply@firma.pl', 'powiadomienia-ania@firma.pl'])('%j can', (address) => {
    expect(isUnanswerableAddress(address)).toBe(false);
  });
});
