import { describe, expect, it } from '@jest/globals';
import * as domain from '../../index.js';

describe('the SLA part of @okienko/domain', () => {
  it('exports the calendar API and keeps the millisecond internals to itself', () => {
    const names = Object.keys(domain);
    for (const name of [
      'DEFAULT_CALENDAR', 'BUILT_IN_HOLIDAYS', 'validateCalendar', 'easterSunday', 'polishPublicHolidays', 'workingPeriodsOn',
      'addBusinessMinutes', 'businessMinutesBetween', 'isBusinessTime', 'nextBusinessTime', 'addSlaMinutes', 'slaMinutesBetween',
      'deadlineFor', 'countedMinutes', 'matchSlaPolicy', 'slaConditionMismatches', 'validateSlaPolicy', 'slaPolicyDeadlines', 'slaTargetDeadline',
      'SLA_TARGET_MODES', 'SLA_PAUSE_STATUSES', 'SLA_CONDITION_FIELDS',
    ]) expect(names).toContain(name);
    for (const name of ['compileCalendar', 'periodsOfDay', 'addBusinessMs', 'businessMsBetween', 'slaClock', 'instantOf']) expect(names).not.toContain(name);
  });
});
