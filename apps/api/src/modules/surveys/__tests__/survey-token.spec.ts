import { describe, expect, it } from '@jest/globals';
import { deriveSurveyKey, readSurveyToken, signSurveyToken, tokenExpiry } from '../survey-token.js';

const key = deriveSurveyKey('a-long-installation-secret-of-forty-characters');
const id = '3f2b8c1e-9a4d-4e2f-8b1a-0c9d8e7f6a5b';
const expiresAt = new Date('2026-06-01T12:00:00.000Z');

/** The token with the character at `index` replaced by another valid one. */
function altered(token: string, index: number): string {
  const replacement = token[index] === 'A' ? 'B' : 'A';
  return token.slice(0, index) + replacement + token.slice(index + 1);
}

describe('survey link tokens', () => {
  it('carry the survey id and the expiry, in 70 URL-safe characters', () => {
    const token = signSurveyToken(key, id, expiresAt);
    expect(token).toMatch(/^[A-Za-z0-9_-]{70}$/);
    expect(readSurveyToken(key, token)).toEqual({ surveyId: id, expiresAt });
  });

  it('keep whole seconds of the expiry', () => {
    const token = signSurveyToken(key, id, new Date('2026-06-01T12:00:00.999Z'));
    expect(readSurveyToken(key, token)?.expiresAt).toEqual(expiresAt);
    expect(tokenExpiry(new Date('2026-06-01T12:00:00.999Z'))).toEqual(expiresAt);
  });

  it('read an expired token too (the caller tells the customer it expired)', () => {
    const past = new Date('2020-01-01T00:00:00Z');
    expect(readSurveyToken(key, signSurveyToken(key, id, past))).toEqual({ surveyId: id, expiresAt: past });
  });

  it('refuse a changed survey id, a changed expiry and a changed signature', () => {
    const token = signSurveyToken(key, id, expiresAt);
    expect(readSurveyToken(key, altered(token, 0))).toBeNull(); // the id
    expect(readSurveyToken(key, altered(token, 22))).toBeNull(); // the expiry
    expect(readSurveyToken(key, altered(token, 40))).toBeNull(); // the signature
  });

  it('refuse a token made for another survey with the same signature', () => {
    const mine = signSurveyToken(key, id, expiresAt);
    const other = signSurveyToken(key, '00000000-0000-4000-8000-000000000000', expiresAt);
    const spliced = other.slice(0, 26) + mine.slice(26);
    expect(readSurveyToken(key, spliced)).toBeNull();
  });

  it('refuse a token signed with another key (another installation)', () => {
    const foreign = signSurveyToken(deriveSurveyKey('another-installation-secret-of-forty-chars'), id, expiresAt);
    expect(readSurveyToken(key, foreign)).toBeNull();
  });

  it('refuse a second spelling of the same bytes', () => {
    const token = signSurveyToken(key, id, expiresAt);
    // 52 bytes fill 70 characters with 4 bits to spare; setting a spare bit changes the text, not the bytes.
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const variant = token.slice(0, -1) + last[last.indexOf(token.at(-1)!) ^ 1];
    expect(Buffer.from(variant, 'base64url')).toEqual(Buffer.from(token, 'base64url'));
    expect(readSurveyToken(key, variant)).toBeNull();
  });

  it.each([[''], ['x'], ['not a token at all'], [null], [42], ['A'.repeat(70)], [`${'A'.repeat(69)}=`], ['A'.repeat(71)]])(
    'refuse %j',
    (token) => {
      expect(readSurveyToken(key, token)).toBeNull();
    },
  );

  it('are never made for something that is not a survey id or an expiry that does not fit', () => {
    expect(() => signSurveyToken(key, 'ticket-1', expiresAt)).toThrow('not a survey id');
    expect(() => signSurveyToken(key, id, new Date('2200-01-01T00:00:00Z'))).toThrow('expiry');
    expect(() => deriveSurveyKey('')).toThrow('empty');
  });
});
