/** Public tracking pages of the carriers Polish shops use most, by a fragment of the carrier's name or code. */
const TRACKING_PAGES: [RegExp, (number: string) => string][] = [
  [/inpost|paczkomat/i, (n) => `https://inpost.pl/sledzenie-przesylek?number=${n}`],
  [/dpd/i, (n) => `https://tracktrace.dpd.com.pl/parcelDetails?typ=1&p1=${n}`],
  [/dhl/i, (n) => `https://www.dhl.com/pl-pl/home/sledzenie-przesylek.html?tracking-id=${n}`],
  [/gls/i, (n) => `https://gls-group.com/PL/pl/sledzenie-paczek?match=${n}`],
  [/ups/i, (n) => `https://www.ups.com/track?tracknum=${n}`],
  [/fedex/i, (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`],
  [/poczta|pocztex|polish ?post/i, (n) => `https://emonitoring.poczta-polska.pl/?numer=${n}`],
  [/orlen|ruch/i, (n) => `https://nadaj.orlenpaczka.pl/parcel/api-status?id=${n}`],
];

/** The carrier's tracking page of a parcel, when the carrier is one we know; null otherwise. */
export function carrierTrackingUrl(carrier: string | null | undefined, trackingNumber: string | null | undefined): string | null {
  if (!carrier || !trackingNumber) return null;
  const page = TRACKING_PAGES.find(([pattern]) => pattern.test(carrier));
  return page ? page[1](encodeURIComponent(trackingNumber.trim())) : null;
}
