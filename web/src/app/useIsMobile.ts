import { useCallback, useSyncExternalStore } from 'react';

/** A CSS media query, read synchronously (so the first paint is already right) and followed on change. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', onChange);
      return () => mql.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => false);
}

/** Below antd's "md" breakpoint (768 px): phones. */
export function useIsMobile(): boolean {
  return useMediaQuery('(max-width: 767.98px)');
}
