import { describe, expect, it } from 'vitest';
import { liveTopics } from './liveTopics';

const notification = (topic: string, event: string, payload: unknown) => JSON.stringify({ topic, event, payload });

describe('live messages by topic', () => {
  it('reach the subscribers of their topic only', () => {
    const topics = liveTopics();
    const session: unknown[] = [];
    const other: unknown[] = [];
    topics.subscribe('session:1', (message) => session.push(message));
    topics.subscribe('session:2', (message) => other.push(message));
    topics.deliver(notification('session:1', 'changed', { table: 'assets' }));
    expect(session).toEqual([{ event: 'changed', payload: { table: 'assets' } }]);
    expect(other).toEqual([]);
  });

  it('stop after unsubscribing', () => {
    const topics = liveTopics();
    const received: unknown[] = [];
    const unsubscribe = topics.subscribe('session:1', (message) => received.push(message));
    unsubscribe();
    topics.deliver(notification('session:1', 'changed', {}));
    expect(received).toEqual([]);
  });

  it('ignore what is not a live message', () => {
    const topics = liveTopics();
    const received: unknown[] = [];
    topics.subscribe('session:1', (message) => received.push(message));
    for (const text of ['not json', '42', 'null', JSON.stringify({ topic: 'session:1' })]) topics.deliver(text);
    expect(received).toEqual([]);
  });

  it('carry an empty payload where the database sent none (or no object)', () => {
    const topics = liveTopics();
    const received: unknown[] = [];
    topics.subscribe('session:1', (message) => received.push(message));
    topics.deliver(notification('session:1', 'changed', null));
    topics.deliver(notification('session:1', 'changed', [1]));
    expect(received).toEqual([
      { event: 'changed', payload: {} },
      { event: 'changed', payload: {} },
    ]);
  });
});
