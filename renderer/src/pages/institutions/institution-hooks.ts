import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../../../electron/api';
import { call } from '../../api';

/** Query key prefix of everything this module caches; invalidated after each change. */
export const INSTITUTIONS_KEY = 'institutions';

/** Whether the signed-in user may change data (inspectors and administrators). */
export function useCanEdit(): boolean {
  const status = useQuery({ queryKey: ['auth', 'status'], queryFn: () => call('auth:status', {}) });
  const role: Role | undefined = status.data?.user?.role;
  return role === 'admin' || role === 'inspector';
}

/** Tag colour of a risk level. */
export const riskColor: Record<string, string> = { 高: 'red', 中: 'orange', 低: 'green', 未评估: 'default' };

/** Tag colour of an operating status. */
export const statusColor: Record<string, string> = { 运营: 'green', 停业整顿: 'orange', 已关闭: 'default' };
