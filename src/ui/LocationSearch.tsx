import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxQueryLength, searchEntries, type SearchEntry } from '../domain/placeSearch';
import { AddressSearchUnavailable, lookupAddress, type AddressPoint, type AddressSuggestion } from '../search/pdokLocatieserver';
import { useAddressSuggestions } from './useAddressSuggestions';

/** What the user chose: an area or place the app holds, or an address PDOK knows. */
type FoundLocation = { kind: 'entry'; entry: SearchEntry } | { kind: 'address'; address: AddressPoint };

interface LocationSearchProps {
  entries: SearchEntry[];
  label: string;
  onChoose(found: FoundLocation): void;
}

/**
 * A search field with two kinds of answers: the buurten, wijken and places the
 * app holds (found on this device, also offline) and, with internet, addresses
 * from PDOK's Locatieserver. Used by "Zoek" and by the form's "Waar is het?".
 */
export function LocationSearch({ entries, label, onChoose }: LocationSearchProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [lookup, setLookup] = useState<'idle' | 'looking' | 'failed'>('idle');
  const ids = { input: useId(), hint: useId(), count: useId(), addresses: useId() };
  const found = useMemo(() => searchEntries(query, entries), [query, entries]);
  const addresses = useAddressSuggestions(query);
  const searching = query.trim().length >= 2;
  // The lookup under way: a new one, new typing or closing this field drops its answer.
  const lookingUp = useRef<AbortController | null>(null);
  const dropLookup = () => {
    lookingUp.current?.abort();
    lookingUp.current = null;
  };
  useEffect(() => dropLookup, []);

  async function chooseAddress(suggestion: AddressSuggestion) {
    dropLookup();
    const controller = new AbortController();
    lookingUp.current = controller;
    setLookup('looking');
    try {
      const address = await lookupAddress(suggestion.id, controller.signal);
      if (controller.signal.aborted) return;
      if (!address) throw new AddressSearchUnavailable('no point');
      lookingUp.current = null;
      setLookup('idle');
      onChoose({ kind: 'address', address });
    } catch {
      if (!controller.signal.aborted) setLookup('failed');
    }
  }

  const counts = [
    found.length > 0 ? t('search.found', { count: found.length }) : '',
    addresses.suggestions.length > 0 ? t('search.addressesFound', { count: addresses.suggestions.length }) : '',
  ].filter(Boolean);
  const nothing = addresses.state !== 'searching' && counts.length === 0;

  return (
    <>
      <label htmlFor={ids.input}>{label}</label>
      <input
        id={ids.input}
        type="search"
        autoComplete="off"
        maxLength={maxQueryLength}
        value={query}
        aria-describedby={`${ids.hint} ${ids.count}`}
        onChange={(event) => {
          setQuery(event.target.value);
          dropLookup();
          setLookup('idle');
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          // Enter takes the first answer; it never sends a form this field sits in (the new place's form).
          event.preventDefault();
          if (found[0]) onChoose({ kind: 'entry', entry: found[0] });
          else if (addresses.suggestions[0]) void chooseAddress(addresses.suggestions[0]);
        }}
      />
      <p id={ids.hint} className="hint">
        {t('search.hint')}
      </p>
      <p id={ids.count} className="search-count" role="status">
        {searching ? (nothing ? t('search.none') : counts.join(', ')) : ''}
      </p>
      {found.length > 0 && (
        <ul className="search-results">
          {found.map((entry) => (
            <li key={`${entry.kind}:${entry.id}`}>
              <button type="button" className="link-button" onClick={() => onChoose({ kind: 'entry', entry })}>
                {entry.name}
              </button>{' '}
              <span className="hint">({entry.what})</span>
            </li>
          ))}
        </ul>
      )}
      {addresses.suggestions.length > 0 && (
        <>
          <h3 id={ids.addresses} className="address-results-title">
            {t('search.addresses')}
          </h3>
          <ul className="search-results address-results" aria-labelledby={ids.addresses}>
            {addresses.suggestions.map((suggestion) => (
              <li key={suggestion.id}>
                <button type="button" className="link-button" onClick={() => void chooseAddress(suggestion)}>
                  {suggestion.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {searching && addresses.state === 'unavailable' && <p className="hint">{t('search.addressesOffline')}</p>}
      {lookup === 'looking' && <p className="hint">{t('search.lookingUp')}</p>}
      {lookup === 'failed' && (
        <p className="error" role="alert">
          {t('search.lookupFailed')}
        </p>
      )}
    </>
  );
}
