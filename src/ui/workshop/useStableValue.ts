import { useRef } from 'react';

/**
 * The same object as last time while its content is the same. Every poll or
 * live refresh brings a new overview; the map then only redraws what changed.
 */
export function useStableValue<T>(value: T): T {
  const kept = useRef<{ json: string; value: T } | null>(null);
  const json = JSON.stringify(value);
  if (kept.current?.json !== json) kept.current = { json, value };
  return kept.current.value;
}
