import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';

/** Every law with its versions; invalidated after an import. */
export function useLaws() {
  return useQuery({ queryKey: ['laws', 'list'], queryFn: () => call('laws:list', {}) });
}

/** The signed-in user's role, from the cached sign-in status. */
export function useIsAdmin(): boolean {
  const status = useQuery({ queryKey: ['auth', 'status'], queryFn: () => call('auth:status', {}) });
  return status.data?.user?.role === 'admin';
}

/**
 * Formats a version label for display: an ISO version date becomes 2021年4月29日 (en-US keeps ISO); a label
 * that is a file name stays as it is.
 */
export function useVersionText(): (label: string | null | undefined) => string {
  const { t } = useTranslation();
  return (label) => {
    if (!label) return t('laws.list.noDate');
    return /^\d{4}-\d{2}-\d{2}$/.test(label) ? dayjs(label).format(t('laws.dateFormat')) : label;
  };
}
