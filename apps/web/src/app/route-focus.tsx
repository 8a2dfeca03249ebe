// After a client-side navigation, focus moves to <main> so that keyboard and screen-reader users start
// reading the new screen from its top (the browser does this only on full page loads).
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

export function RouteFocus() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('contenuto')?.focus();
  }, [pathname]);
  return null;
}
