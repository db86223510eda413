import { describe, expect, it } from 'vitest';
import { insertMention, matchAgents, mentionAt, mentionHandle } from '../mention-query';

const agents = [{ name: 'Ala Nowak' }, { name: 'Bartek Zieliński' }, { name: 'Łukasz Wójcik' }];

describe('mention suggestions', () => {
  it('finds the @word before the caret, not inside e-mail addresses', () => {
    expect(mentionAt('Proszę @Bar', 11)).toEqual({ start: 7, query: 'Bar' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('pisz na jan@exa', 15)).toBeNull();
    expect(mentionAt('@Ala i dalej', 12)).toBeNull();
  });

  it('matches any word of the name, or the name without spaces, ignoring case and Polish letters', () => {
    expect(matchAgents(agents, 'zie').map((a) => a.name)).toEqual(['Bartek Zieliński']);
    expect(matchAgents(agents, 'lukasz').map((a) => a.name)).toEqual(['Łukasz Wójcik']);
    expect(matchAgents(agents, 'alanow').map((a) => a.name)).toEqual(['Ala Nowak']);
    expect(matchAgents(agents, '')).toHaveLength(3);
  });

  it('inserts the handle (the name without spaces) and puts the caret after it', () => {
    const text = 'Proszę @Bar o pomoc';
    const at = mentionAt(text, 11)!;
    expect(insertMention(text, at, mentionHandle('Bartek Zieliński'))).toEqual({ text: 'Proszę @BartekZieliński o pomoc', caret: 24 });
    expect(insertMention('@al', mentionAt('@al', 3)!, 'AlaNowak')).toEqual({ text: '@AlaNowak ', caret: 10 });
  });
});
