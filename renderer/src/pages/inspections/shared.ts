import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { Role } from '../../../../electron/api';
import { call } from '../../api';

/** A stored ISO time as the inspector reads it: 2026年3月2日 09:30. */
export function formatTime(iso: string | null): string {
  return iso ? dayjs(iso).format('YYYY年M月D日 HH:mm') : '';
}

/** Role of the signed-in user (shared with the sign-in gate's cached status), or null while unknown. */
export function useCurrentRole(): Role | null {
  const status = useQuery({ queryKey: ['auth', 'status'], queryFn: () => call('auth:status', {}) });
  return status.data?.user?.role ?? null;
}

/** Id of the signed-in user, or null. */
export function useCurrentUserId(): string | null {
  const status = useQuery({ queryKey: ['auth', 'status'], queryFn: () => call('auth:status', {}) });
  return status.data?.user?.id ?? null;
}
