import { useEffect, useState } from 'react';

/**
 * Hash routes (`#/district/120116`): the gateway serves one index.html under /app and the
 * browser's back button walks the drill-down.
 */
export type Route =
  | { page: 'home' }
  | { page: 'district'; code: string }
  | { page: 'street'; code: string }
  | { page: 'task'; level: string; id: string }
  | { page: 'duty-record'; level: string; id: string };

export function parseRoute(hash: string): Route {
  const [, page, a, b] = hash.replace(/^#/, '').split('/');
  if (page === 'district' && a) return { page, code: a };
  if (page === 'street' && a) return { page, code: a };
  if ((page === 'task' || page === 'duty-record') && a && b) return { page, level: a, id: b };
  return { page: 'home' };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'district':
    case 'street':
      return `#/${route.page}/${route.code}`;
    default:
      return `#/${route.page}/${route.level}/${route.id}`;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
