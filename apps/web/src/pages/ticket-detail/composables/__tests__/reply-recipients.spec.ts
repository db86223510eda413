import { describe, expect, it } from 'vitest';
import type { TicketMessage } from '../../../../entities/ticket/api';
import { isEmailAddress, mergeAddresses, splitAddresses } from '../email-addresses';
import { latestCustomerMessage, replyAllCopies } from '../reply-all';
import { formatSize } from '../reply-files';

const message = (fields: Partial<TicketMessage>): TicketMessage =>
  ({ direction: 'inbound', automated: false, toAddresses: [], ccAddresses: [], ...fields }) as TicketMessage;

describe('reply recipients', () => {
  it('reads typed and pasted addresses, named ones too, and tells addresses from other text', () => {
    expect(splitAddresses('jan@example.pl, Anna Nowak <anna@firma.pl>; ola@x.pl')).toEqual(['jan@example.pl', 'anna@firma.pl', 'ola@x.pl']);
    expect(isEmailAddress('jan@example.pl')).toBe(true);
    expect(isEmailAddress('jan@example')).toBe(false);
    expect(isEmailAddress('nie adres')).toBe(false);
  });

  it('adds each address once, whatever its letter case, and leaves the excepted out', () => {
    expect(mergeAddresses(['a@x.pl'], ['A@x.pl', 'b@x.pl', 'c@x.pl'], ['c@x.pl'])).toEqual(['a@x.pl', 'b@x.pl']);
  });

  it("reply all: the To and Cc of the customer's latest mail, without our addresses and those already in To", () => {
    const messages = [
      message({ toAddresses: ['stary@x.pl'] }),
      message({ toAddresses: ['biuro@sklep.pl', 'kasia@firma.pl'], ccAddresses: ['Biuro@sklep.pl', 'szef@firma.pl', 'jan@firma.pl'] }),
      message({ direction: 'outbound', toAddresses: ['jan@firma.pl'] }),
      message({ automated: true, toAddresses: ['autoresponder@firma.pl'] }),
    ];
    const answered = latestCustomerMessage(messages);
    expect(replyAllCopies(answered, ['biuro@sklep.pl'], ['jan@firma.pl'])).toEqual(['kasia@firma.pl', 'szef@firma.pl']);
    expect(replyAllCopies(null, [], [])).toEqual([]);
  });

  it('shows file sizes with a space before the unit', () => {
    expect(formatSize(27)).toBe('27 B');
    expect(formatSize(27 * 1024)).toBe('27 kB');
    expect(formatSize(7 * 1024 * 1024)).toBe('7 MB');
  });
});
