import { describe, expect, it } from 'vitest';
import type { RouteLocationNormalized } from 'vue-router';
import { loginLocation, safeRedirect } from '../login-location';

function from(fullPath: string): RouteLocationNormalized {
  return { fullPath } as RouteLocationNormalized;
}

describe('where the login page sends the user', () => {
  it('accepts paths inside the panel', () => {
    expect(safeRedirect('/tickets?status=open')).toBe('/tickets?status=open');
    expect(safeRedirect(['/tickets/2026-000001', '/customers'])).toBe('/tickets/2026-000001');
  });

  it('refuses other sites, protocol-relative and backslash tricks, and the login page itself', () => {
    for (const value of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'tickets', '/login', '/login?redirect=/x', '', null, undefined]) {
      expect(safeRedirect(value)).toBeNull();
    }
  });

  it('remembers the page the user wanted, but not the start page', () => {
    expect(loginLocation(from('/tickets?q=zwrot'))).toEqual({ name: 'login', query: { redirect: '/tickets?q=zwrot' } });
    expect(loginLocation(from('/'))).toEqual({ name: 'login', query: {} });
    expect(loginLocation(from('/reports'), { reason: 'expired' })).toEqual({
      name: 'login',
      query: { reason: 'expired', redirect: '/reports' },
    });
  });
});
