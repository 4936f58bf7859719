import { useEffect, useState } from 'react';
import { AddressSearchUnavailable, suggestAddresses, type AddressSuggestion } from '../search/pdokLocatieserver';

export type AddressSearchState = 'idle' | 'searching' | 'found' | 'unavailable';

/** Wait this long after the last key before asking PDOK: one question per word, not per letter. */
const typingPauseMs = 300;

/**
 * PDOK's address suggestions for what is typed, when there is internet.
 * 'unavailable': PDOK could not be asked (offline, a timeout); the search
 * then says it looks only in what the app holds.
 */
export function useAddressSuggestions(query: string): { suggestions: AddressSuggestion[]; state: AddressSearchState } {
  const [result, setResult] = useState<{ query: string; suggestions: AddressSuggestion[]; state: AddressSearchState }>({
    query: '',
    suggestions: [],
    state: 'idle',
  });
  const wanted = query.trim();

  useEffect(() => {
    if (wanted.length < 2) return;
    if (!navigator.onLine) {
      setResult({ query: wanted, suggestions: [], state: 'unavailable' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      suggestAddresses(wanted, controller.signal).then(
        (suggestions) => setResult({ query: wanted, suggestions, state: 'found' }),
        (error: unknown) => {
          if (error instanceof AddressSearchUnavailable) setResult({ query: wanted, suggestions: [], state: 'unavailable' });
        },
      );
    }, typingPauseMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [wanted]);

  if (wanted.length < 2) return { suggestions: [], state: 'idle' };
  // An answer for what was typed before is not shown for what is typed now.
  if (result.query !== wanted) return { suggestions: [], state: 'searching' };
  return result;
}
