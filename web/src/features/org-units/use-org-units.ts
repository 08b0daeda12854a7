import { useAuth } from '../../app/auth';
import { api, type OrgUnit } from '../../lib/api';
import { useAsync, type AsyncState } from '../../lib/use-async';

/** The flat list changes rarely; keep one request per signed-in user for the life of the page. */
const cache = new Map<string, Promise<OrgUnit[]>>();

function loadOrgUnits(username: string): Promise<OrgUnit[]> {
  let pending = cache.get(username);
  if (!pending) {
    pending = api.orgUnits().then((r) => r.items);
    pending.catch(() => cache.delete(username));
    cache.set(username, pending);
  }
  return pending;
}

/** Forget the cached list (after a unit was created or changed). */
export function forgetOrgUnits(): void {
  cache.clear();
}

/** The units in the signed-in user's scope, as the flat list the API returns. */
export function useOrgUnits(): AsyncState<OrgUnit[]> {
  const { me } = useAuth();
  const username = me?.username ?? '';
  return useAsync(() => loadOrgUnits(username), [username]);
}
