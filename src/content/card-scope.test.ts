// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { selfAndBelow } from './card-scope.ts';

describe('selfAndBelow', () => {
  it('lets an adapter find the added card itself as well as cards inside it', () => {
    const card = document.createElement('a');
    card.className = 'card';
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = 't';
    const nested = document.createElement('a');
    nested.className = 'card nested';
    card.append(title, nested);
    const scope = selfAndBelow(card);
    expect([...scope.querySelectorAll('.card')]).toEqual([card, card.lastElementChild]);
    expect(scope.querySelector('.card')).toBe(card);
    expect(scope.querySelector('.title')?.textContent).toBe('t');
    expect(scope.children).toHaveLength(2); // other members are the node's own
    expect(() => scope.querySelectorAll('[')).toThrow();
  });
});
