/**
 * PGlite's relay in the leader's worker answers each tab on that tab's
 * BroadcastChannel, and closes the channel as soon as the tab is gone (a
 * reload, a closed tab). An answer still under way then fails to post, and the
 * failure escapes the relay unhandled, so Chromium reports it as an error of
 * the leader's page (the same race as electric-sql/pglite#1112, there on the
 * tab's side). Nobody is left to read that answer: whatever the tab was doing
 * ended with the tab. This one failure is dropped; every other still surfaces.
 */
export function isAnswerToClosedTab(reason: unknown): boolean {
  return reason instanceof DOMException && reason.name === 'InvalidStateError' && reason.message.includes('BroadcastChannel');
}

export function ignoreAnswersToClosedTabs(scope: Pick<WindowOrWorkerGlobalScope & EventTarget, 'addEventListener'>): void {
  scope.addEventListener('unhandledrejection', (event) => {
    if (isAnswerToClosedTab((event as PromiseRejectionEvent).reason)) event.preventDefault();
  });
}
