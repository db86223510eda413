import { describe, expect, it } from '@jest/globals';
import { closingPatch } from '../closing-patch.js';
import { splitSubject } from '../split-subject.js';

const NOW = new Date('2026-12-07T10:00:00Z');

describe('closingPatch (a merged ticket is closed)', () => {
  it('closes an open ticket and resolves it at the same moment', () => {
    expect(closingPatch('open', NOW)).toMatchObject({ status: 'closed', closedAt: NOW, resolvedAt: NOW });
  });

  it('keeps the resolution time of a resolved ticket', () => {
    const patch = closingPatch('resolved', NOW);
    expect(patch).toMatchObject({ status: 'closed', closedAt: NOW });
    expect('resolvedAt' in patch).toBe(false);
  });

  it('changes nothing on a closed ticket', () => {
    expect(closingPatch('closed', NOW)).toEqual({});
  });
});

describe('splitSubject (the subject of a ticket split off)', () => {
  it('drops reply and forward prefixes in any language and our subject tags', () => {
    expect(splitSubject('Re: Faktura do zamówienia 4521')).toBe('Faktura do zamówienia 4521');
    expect(splitSubject('Odp: RE: [#2026-000123] Faktura')).toBe('Faktura');
    expect(splitSubject('[#2026-000123] Re: Faktura')).toBe('Faktura');
  });

  it('answers nothing for a message without a subject of its own, so the original ticket\'s is taken', () => {
    expect(splitSubject(null)).toBe('');
    expect(splitSubject('Re: [#2026-000123]')).toBe('');
  });
});
