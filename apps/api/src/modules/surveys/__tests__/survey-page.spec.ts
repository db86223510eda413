import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { preferredLanguage, renderSurveyForm, renderSurveyNotice, SURVEY_PAGE_CSP } from '../survey-page.js';

describe('survey pages', () => {
  it.each([
    [undefined, 'pl'],
    ['', 'pl'],
    ['de-DE,de;q=0.9', 'pl'],
    ['pl-PL,pl;q=0.9,en;q=0.8', 'pl'],
    ['en-GB,en;q=0.9,pl;q=0.5', 'en'],
    ['de,en;q=0.7', 'en'],
    ['pl;q=0.3,en;q=0.4', 'en'],
    ['en;q=0,pl;q=0.1', 'pl'],
    ['EN-us', 'en'],
  ])('Accept-Language %j → %s', (header, lang) => {
    expect(preferredLanguage(header)).toBe(lang);
  });

  it('escape what the customer and the agents wrote', () => {
    const html = renderSurveyForm('pl', { kind: 'csat', ticketNumber: '2026-000001', ticketSubject: '"><script>alert(1)</script>' }, { comment: '</textarea><img src=x>' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;/textarea&gt;&lt;img src=x&gt;</textarea>');
  });

  it('allow only their own stylesheet', () => {
    const html = renderSurveyNotice('en', 'thanks');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    expect(SURVEY_PAGE_CSP).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(SURVEY_PAGE_CSP).toContain("default-src 'none'");
  });

  it('label every score; NPS names the ends of its scale', () => {
    const csat = renderSurveyForm('en', { kind: 'csat', ticketNumber: '2026-000001', ticketSubject: 'x' });
    expect(csat).toContain('<label for="score-1"><input type="radio" id="score-1" name="score" value="1" required> 1 – Very dissatisfied</label>');
    const nps = renderSurveyForm('pl', { kind: 'nps', ticketNumber: '2026-000001', ticketSubject: 'x' });
    expect(nps).toContain('aria-describedby="scale-hint"');
    expect(nps).toContain('0 – na pewno nie, 10 – na pewno tak');
    expect(nps.match(/name="score"/g)).toHaveLength(11);
  });
});
