import { describe, expect, it } from '@jest/globals';
import { validateSlaPolicy } from '../validate-sla-policy.js';

const valid = {
  name: 'Reklamacje',
  enabled: true,
  order: 20,
  conditions: {
    queueIds: ['11111111-1111-4111-8111-111111111111'],
    categoryIds: ['33333333-3333-4333-8333-333333333333'],
    priorities: ['high', 'urgent'],
    channels: ['email', 'web_form'],
    customerTags: ['vip'],
  },
  firstResponse: { minutes: 480, mode: 'business' },
  nextResponse: null,
  resolution: { minutes: 20_160, mode: 'calendar' },
  calendarId: '55555555-5555-4555-8555-555555555555',
  pauseStatuses: ['waiting_customer', 'waiting_third_party'],
  warning: { percent: 80 },
};

const pathsOf = (overrides: Record<string, unknown>) => validateSlaPolicy({ ...valid, ...overrides }).map((p) => p.path);

describe('validateSlaPolicy', () => {
  it('accepts a full policy, a catch-all without targets, and each kind of warning', () => {
    expect(validateSlaPolicy(valid)).toEqual([]);
    expect(
      validateSlaPolicy({
        name: 'Domyślna', conditions: {}, firstResponse: null, nextResponse: null, resolution: null, calendarId: null, pauseStatuses: [], warning: {},
      }),
    ).toEqual([]);
    expect(validateSlaPolicy({ ...valid, warning: { minutesBefore: 30 } })).toEqual([]);
    expect(validateSlaPolicy({ ...valid, conditions: { priorities: [] } })).toEqual([]);
  });

  it('refuses something that is not a policy', () => {
    for (const value of [null, undefined, 'policy', 7, []]) {
      expect(validateSlaPolicy(value)).toHaveLength(1);
      expect(validateSlaPolicy(value)[0].path).toBe('');
    }
  });

  it('names the place of each problem, and every message starts with it', () => {
    const problems = validateSlaPolicy({
      ...valid,
      name: ' ',
      firstResponse: { minutes: 0, mode: 'business' },
      nextResponse: { minutes: 30.5, mode: 'weekdays' },
      resolution: 'soon',
    });
    expect(problems.map((p) => p.path)).toEqual(['name', 'firstResponse.minutes', 'nextResponse.minutes', 'nextResponse.mode', 'resolution']);
    for (const problem of problems) expect(problem.message.startsWith(`${problem.path}: `)).toBe(true);
    expect(problems[1].message).toBe('firstResponse.minutes: 0 is not a whole number of minutes from 1 to 527040');
  });

  it('checks targets: whole minutes within a year, a known mode, nothing else, and resolution not before the first answer', () => {
    expect(pathsOf({ firstResponse: { minutes: 527_041, mode: 'calendar' }, resolution: null })).toEqual(['firstResponse.minutes']);
    expect(pathsOf({ firstResponse: { minutes: '120', mode: 'business' } })).toEqual(['firstResponse.minutes']);
    expect(pathsOf({ firstResponse: { minutes: 120 } })).toEqual(['firstResponse.mode']);
    expect(pathsOf({ firstResponse: { minutes: 120, mode: 'business', hours: 2 } })).toEqual(['firstResponse.hours']);
    expect(pathsOf({ firstResponse: [120, 'business'] })).toEqual(['firstResponse']);
    expect(pathsOf({ firstResponse: { minutes: 600, mode: 'calendar' }, resolution: { minutes: 300, mode: 'calendar' } })).toEqual(['resolution.minutes']);
    // On different clocks the two cannot be compared, so nothing is said.
    expect(pathsOf({ firstResponse: { minutes: 600, mode: 'business' }, resolution: { minutes: 300, mode: 'calendar' } })).toEqual([]);
  });

  it('checks each condition value against what tickets can have', () => {
    const problems = validateSlaPolicy({
      ...valid,
      conditions: {
        queueIds: ['complaints'],
        categoryIds: [42],
        priorities: ['high', 'critical'],
        channels: ['fax'],
        customerTags: ['vip', ''],
        subject: ['awaria'],
      },
    });
    expect(problems.map((p) => p.path)).toEqual([
      'conditions.subject', 'conditions.queueIds[0]', 'conditions.categoryIds[0]', 'conditions.priorities[1]', 'conditions.channels[0]',
      'conditions.customerTags[1]',
    ]);
    expect(problems[3].message).toBe('conditions.priorities[1]: "critical" is not a priority; use low, normal, high, urgent');
    expect(pathsOf({ conditions: { priorities: 'urgent' } })).toEqual(['conditions.priorities']);
    expect(pathsOf({ conditions: { customerTags: ['VIP', 'vip'] } })).toEqual(['conditions.customerTags[1]']);
    expect(pathsOf({ conditions: null })).toEqual(['conditions']);
    expect(pathsOf({ conditions: { customerTags: ['x'.repeat(51)] } })).toEqual(['conditions.customerTags[0]']);
  });

  it('checks the calendar id, the pause statuses and the warning', () => {
    expect(pathsOf({ calendarId: 'office' })).toEqual(['calendarId']);
    expect(pathsOf({ calendarId: undefined })).toEqual(['calendarId']);
    expect(pathsOf({ pauseStatuses: ['waiting_customer', 'open', 'waiting_customer'] })).toEqual(['pauseStatuses[1]', 'pauseStatuses[2]']);
    expect(pathsOf({ pauseStatuses: 'waiting_customer' })).toEqual(['pauseStatuses']);
    expect(pathsOf({ warning: { percent: 100 } })).toEqual(['warning.percent']);
    expect(pathsOf({ warning: { percent: 0 } })).toEqual(['warning.percent']);
    expect(pathsOf({ warning: { minutesBefore: -5 } })).toEqual(['warning.minutesBefore']);
    expect(pathsOf({ warning: { percent: 80, minutesBefore: 30 } })).toEqual(['warning']);
    expect(pathsOf({ warning: { share: 0.8 } })).toEqual(['warning.share']);
    expect(pathsOf({ warning: null })).toEqual(['warning']);
  });

  it('checks enabled and order only when present', () => {
    const { enabled: _enabled, order: _order, ...withoutThem } = valid;
    expect(validateSlaPolicy(withoutThem)).toEqual([]);
    expect(pathsOf({ enabled: 'yes', order: -1 })).toEqual(['enabled', 'order']);
    expect(pathsOf({ name: 'x'.repeat(201) })).toEqual(['name']);
  });
});
