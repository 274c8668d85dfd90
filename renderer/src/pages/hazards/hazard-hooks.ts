import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelName, ChannelOutput, HazardFilter } from '../../../../electron/api';
import { call } from '../../api';

/** The board's hazards and counts for the given filters. */
export function useHazardBoard(filter: HazardFilter) {
  return useQuery({ queryKey: ['hazards', 'list', filter], queryFn: () => call('hazards:list', filter) });
}

/** One hazard with its history, referrals and the actions open to the signed-in user. */
export function useHazardDetail(id: string | null) {
  return useQuery({
    queryKey: ['hazards', 'detail', id],
    queryFn: () => call('hazards:get', { id: id ?? '' }),
    enabled: id !== null,
  });
}

/** The module settings (deadline days, separation of duties). */
export function useHazardSettings() {
  return useQuery({ queryKey: ['hazards', 'settings'], queryFn: () => call('hazards:get-settings', {}) });
}

/** The signed-in user, from the sign-in gate's cached status. */
export function useCurrentUser() {
  return useQuery({ queryKey: ['auth', 'status'], queryFn: () => call('auth:status', {}) }).data?.user ?? null;
}

/** Institutions for pickers (first 200 by the registry's default order). */
export function useInstitutionOptions() {
  return useQuery({
    queryKey: ['institutions', 'options'],
    queryFn: () => call('institutions:list', { page: 1, pageSize: 200 }),
  });
}

/**
 * A mutation on one of the module's channels: refreshes every hazard query on success and shows the
 * service's Chinese message on failure (the modal stays open so nothing typed is lost).
 */
export function useHazardMutation<K extends ChannelName>(channel: K, onDone?: (value: ChannelOutput<K>) => void) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (input: ChannelInput<K>) => call(channel, input),
    onSuccess: (value) => {
      void queryClient.invalidateQueries({ queryKey: ['hazards'] });
      void message.success(t('hazards.saved'));
      onDone?.(value);
    },
    onError: (e) => void message.error(e.message),
  });
}
