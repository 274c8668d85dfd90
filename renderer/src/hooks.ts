import { useQuery } from '@tanstack/react-query';
import { call } from './api';

/** Departments, cached for the session (they change rarely). */
export function useDepartments() {
  return useQuery({ queryKey: ['departments'], queryFn: () => call('departments:list', {}), staleTime: Infinity });
}

/** Active towns (街镇) in district order. */
export function useTowns(includeInactive = false) {
  return useQuery({ queryKey: ['towns', includeInactive], queryFn: () => call('towns:list', { includeInactive }) });
}
