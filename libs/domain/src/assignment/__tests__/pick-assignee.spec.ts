import { describe, expect, it } from '@jest/globals';
import {
  ASSIGNMENT_STRATEGIES, canTakeTicket, compareCandidates, isAssignmentStrategy, pickAssignee,
  type AssignmentCandidate, type PickAssigneeInput,
} from '../pick-assignee.js';

// Ids deliberately out of name order, so tests show that names decide the order.
const anna: AssignmentCandidate = { id: 'c-anna', name: 'Anna', active: true, absent: false, openTickets: 0 };
const bartek: AssignmentCandidate = { id: 'a-bartek', name: 'Bartek', active: true, absent: false, openTickets: 0 };
const celina: AssignmentCandidate = { id: 'b-celina', name: 'Celina', active: true, absent: false, openTickets: 0 };

function pick(overrides: Partial<PickAssigneeInput>): string | null {
  return pickAssignee({ strategy: 'round_robin', candidates: [celina, anna, bartek], maxOpenPerAgent: null, lastAssigned: null, ...overrides });
}

/** Runs round-robin `times` times, feeding each pick back as the cursor, as the service does. */
function rounds(times: number, candidates: AssignmentCandidate[], start: PickAssigneeInput['lastAssigned'] = null): (string | null)[] {
  let last = start;
  const picked: (string | null)[] = [];
  for (let i = 0; i < times; i++) {
    const id = pick({ candidates, lastAssigned: last });
    picked.push(id);
    const who = candidates.find((c) => c.id === id);
    if (who) last = { id: who.id, name: who.name };
  }
  return picked;
}

describe('pickAssignee', () => {
  describe('manual', () => {
    it('never picks anyone', () => {
      expect(pick({ strategy: 'manual' })).toBeNull();
      expect(pick({ strategy: 'manual', lastAssigned: { id: anna.id, name: anna.name } })).toBeNull();
    });
  });

  describe('round_robin', () => {
    it('starts with the first member by name, not by id or input order', () => {
      expect(pick({})).toBe(anna.id);
    });

    it('goes through the members in name order and wraps around', () => {
      expect(rounds(7, [celina, anna, bartek])).toEqual([anna.id, bartek.id, celina.id, anna.id, bartek.id, celina.id, anna.id]);
    });

    it('continues after the previous pick', () => {
      expect(pick({ lastAssigned: { id: bartek.id, name: bartek.name } })).toBe(celina.id);
      expect(pick({ lastAssigned: { id: celina.id, name: celina.name } })).toBe(anna.id);
    });

    it('skips inactive and absent members, whose turn comes again when they are back', () => {
      const away = { ...bartek, absent: true };
      const gone = { ...celina, active: false };
      expect(rounds(3, [anna, away, gone])).toEqual([anna.id, anna.id, anna.id]);
      expect(pick({ candidates: [anna, away, celina], lastAssigned: { id: anna.id, name: anna.name } })).toBe(celina.id);
      expect(pick({ candidates: [anna, bartek, celina], lastAssigned: { id: anna.id, name: anna.name } })).toBe(bartek.id);
    });

    it('keeps its place when the previous assignee has left the queue', () => {
      const left = { id: 'z-left', name: 'Bogdan' }; // between Bartek and Celina
      expect(pick({ candidates: [anna, bartek, celina], lastAssigned: left })).toBe(celina.id);
      expect(pick({ candidates: [anna, bartek], lastAssigned: left })).toBe(anna.id);
    });

    it('keeps picking the only member who may take tickets', () => {
      expect(rounds(3, [anna])).toEqual([anna.id, anna.id, anna.id]);
    });

    it('skips members at the cap', () => {
      const full = { ...bartek, openTickets: 5 };
      expect(pick({ candidates: [anna, full, celina], maxOpenPerAgent: 5, lastAssigned: { id: anna.id, name: anna.name } })).toBe(celina.id);
      expect(pick({ candidates: [anna, { ...bartek, openTickets: 4 }, celina], maxOpenPerAgent: 5, lastAssigned: { id: anna.id, name: anna.name } })).toBe(bartek.id);
    });

    it('orders members of the same name by id', () => {
      const anna2 = { ...anna, id: 'a-anna' };
      expect(rounds(3, [anna, anna2])).toEqual([anna2.id, anna.id, anna2.id]);
    });

    it('orders names by the Polish alphabet (Ł after L, before M)', () => {
      const lukasz = { ...anna, id: 'x1', name: 'Łukasz' };
      const lena = { ...anna, id: 'x2', name: 'Lena' };
      const maria = { ...anna, id: 'x3', name: 'Maria' };
      expect(rounds(3, [maria, lukasz, lena])).toEqual([lena.id, lukasz.id, maria.id]);
    });
  });

  describe('least_open', () => {
    const load = (a: number, b: number, c: number) => [{ ...anna, openTickets: a }, { ...bartek, openTickets: b }, { ...celina, openTickets: c }];

    it('picks the member with the fewest open tickets', () => {
      expect(pick({ strategy: 'least_open', candidates: load(3, 1, 2) })).toBe(bartek.id);
      expect(pick({ strategy: 'least_open', candidates: load(3, 4, 0) })).toBe(celina.id);
    });

    it('breaks ties by name, then id, whatever the input order', () => {
      expect(pick({ strategy: 'least_open', candidates: load(2, 1, 1) })).toBe(bartek.id);
      expect(pick({ strategy: 'least_open', candidates: load(2, 1, 1).reverse() })).toBe(bartek.id);
      const twin = { ...bartek, id: 'a-aaa-bartek', openTickets: 1 };
      expect(pick({ strategy: 'least_open', candidates: [...load(2, 1, 1), twin] })).toBe(twin.id);
    });

    it('ignores the round-robin cursor', () => {
      expect(pick({ strategy: 'least_open', candidates: load(0, 0, 0), lastAssigned: { id: anna.id, name: anna.name } })).toBe(anna.id);
    });

    it('skips inactive and absent members however few tickets they have', () => {
      const [a, b, c] = load(0, 0, 5);
      expect(pick({ strategy: 'least_open', candidates: [{ ...a, absent: true }, { ...b, active: false }, c] })).toBe(celina.id);
    });

    it('skips members at the cap and picks nobody when all are', () => {
      expect(pick({ strategy: 'least_open', candidates: load(2, 3, 2), maxOpenPerAgent: 3 })).toBe(anna.id);
      expect(pick({ strategy: 'least_open', candidates: load(3, 3, 4), maxOpenPerAgent: 3 })).toBeNull();
    });
  });

  it.each(ASSIGNMENT_STRATEGIES)('%s picks nobody from an empty queue or one where nobody may take tickets', (strategy) => {
    expect(pick({ strategy, candidates: [] })).toBeNull();
    expect(pick({ strategy, candidates: [{ ...anna, absent: true }, { ...bartek, active: false }] })).toBeNull();
    expect(pick({ strategy, candidates: [{ ...anna, openTickets: 1 }], maxOpenPerAgent: 1 })).toBeNull();
  });
});

describe('canTakeTicket', () => {
  it('needs an active, present member below the cap', () => {
    expect(canTakeTicket(anna, null)).toBe(true);
    expect(canTakeTicket({ ...anna, openTickets: 1000 }, null)).toBe(true);
    expect(canTakeTicket({ ...anna, openTickets: 2 }, 3)).toBe(true);
    expect(canTakeTicket({ ...anna, openTickets: 3 }, 3)).toBe(false);
    expect(canTakeTicket({ ...anna, active: false }, null)).toBe(false);
    expect(canTakeTicket({ ...anna, absent: true }, null)).toBe(false);
  });
});

describe('compareCandidates', () => {
  it('sorts by name, then id', () => {
    expect([celina, anna, bartek, { ...anna, id: 'a' }].sort(compareCandidates).map((c) => c.id)).toEqual(['a', anna.id, bartek.id, celina.id]);
  });
});

describe('isAssignmentStrategy', () => {
  it('accepts the three strategies only', () => {
    for (const s of ASSIGNMENT_STRATEGIES) expect(isAssignmentStrategy(s)).toBe(true);
    for (const s of ['', 'Manual', 'random', null, 1]) expect(isAssignmentStrategy(s)).toBe(false);
  });
});
