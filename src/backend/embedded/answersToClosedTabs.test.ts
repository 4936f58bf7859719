import { describe, expect, it } from 'vitest';
import { ignoreAnswersToClosedTabs, isAnswerToClosedTab } from './answersToClosedTabs';

/** What posting on a closed channel throws (Node's BroadcastChannel, as Chromium's, throws an InvalidStateError). */
function postOnClosedChannel(): unknown {
  const channel = new BroadcastChannel('wijkkracht-test');
  channel.close();
  try {
    channel.postMessage('answer');
  } catch (error) {
    return error;
  }
  throw new Error('posting on a closed channel did not throw');
}

function unhandledRejection(reason: unknown): Event {
  return Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason });
}

describe('an answer to a tab that has gone', () => {
  it('is recognised by what posting on a closed channel throws', () => {
    expect(isAnswerToClosedTab(postOnClosedChannel())).toBe(true);
    expect(
      isAnswerToClosedTab(
        new DOMException("Failed to execute 'postMessage' on 'BroadcastChannel': Channel is closed", 'InvalidStateError'),
      ),
    ).toBe(true);
  });

  it('is not confused with any other failure', () => {
    expect(isAnswerToClosedTab(new Error('Channel is closed'))).toBe(false);
    expect(isAnswerToClosedTab(new DOMException('The object is in an invalid state.', 'InvalidStateError'))).toBe(false);
    expect(isAnswerToClosedTab(new DOMException('BroadcastChannel', 'DataCloneError'))).toBe(false);
    expect(isAnswerToClosedTab(undefined)).toBe(false);
  });

  it('is dropped silently, while every other unhandled failure still surfaces', () => {
    const scope = new EventTarget();
    ignoreAnswersToClosedTabs(scope);
    const toClosedTab = unhandledRejection(postOnClosedChannel());
    const other = unhandledRejection(new Error('syntax error at or near "selec"'));
    scope.dispatchEvent(toClosedTab);
    scope.dispatchEvent(other);
    expect(toClosedTab.defaultPrevented).toBe(true);
    expect(other.defaultPrevented).toBe(false);
  });
});
