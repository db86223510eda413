import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPE, parseScope } from '../today-scope';

describe('the Today view scope in the URL', () => {
  it('reads mine, team and all', () => {
    expect(parseScope({ scope: 'mine' })).toBe('mine');
    expect(parseScope({ scope: 'team' })).toBe('team');
    expect(parseScope({ scope: ['all', 'mine'] })).toBe('all');
  });

  it('falls back to my own tickets for anything else', () => {
    expect(DEFAULT_SCOPE).toBe('mine');
    expect(parseScope({})).toBe('mine');
    expect(parseScope({ scope: 'everyone' })).toBe('mine');
    expect(parseScope({ scope: null })).toBe('mine');
  });
});
