import { useRef } from 'react';

/** The last non-null value: keeps a closing modal's title and fields steady during its close animation. */
export function useLastDefined<T>(value: T | null | undefined): T | null {
  const ref = useRef<T | null>(null);
  if (value !== null && value !== undefined) ref.current = value;
  return ref.current;
}
