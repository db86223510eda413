import { describe, expect, it } from '@jest/globals';
import { renderPlaceholders } from '../render-placeholders.js';

describe('renderPlaceholders', () => {
  it('fills known placeholders, with or without spaces inside the braces', () => {
    expect(renderPlaceholders('Zgłoszenie {{ticket.number}} / {{ ticket.number }}', { 'ticket.number': '2026-000042' })).toBe(
      'Zgłoszenie 2026-000042 / 2026-000042',
    );
  });

  it('leaves unknown placeholders as written so a typo stays visible', () => {
    expect(renderPlaceholders('Dzień dobry {{customer.nmae}}', { 'customer.name': 'Jan' })).toBe('Dzień dobry {{customer.nmae}}');
  });

  it('inserts values literally, even ones that look like placeholders or replacement patterns', () => {
    expect(renderPlaceholders('{{a}}', { a: '{{b}} $& $1' , b: 'x' })).toBe('{{b}} $& $1');
  });
});
