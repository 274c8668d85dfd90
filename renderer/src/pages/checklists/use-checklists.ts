import { useQuery } from '@tanstack/react-query';
import type { RuleItemFilter } from '../../../../electron/api';
import { call } from '../../api';

/** Whether the signed-in user may change templates and rule sets (administrators only). */
export function useIsAdmin(): boolean {
  const status = useQuery({ queryKey: ['auth', 'status'], queryFn: () => call('auth:status', {}) });
  return status.data?.user?.role === 'admin';
}

/** The rule library, filtered by the service. */
export function useRuleItems(filter: RuleItemFilter) {
  return useQuery({
    queryKey: ['checklists', 'rule-items', filter],
    queryFn: () => call('checklists:list-rule-items', filter),
  });
}

/** Query key prefix of everything this module caches; invalidated after every change. */
export const CHECKLISTS_KEY = ['checklists'] as const;
