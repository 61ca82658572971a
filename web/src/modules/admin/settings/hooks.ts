import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { SettingGroup, SettingItem } from '../../../api/contract/platform';

export const settingsKeys = {
  all: ['settings'] as const,
};

export function useSettings() {
  return useQuery({
    queryKey: settingsKeys.all,
    queryFn: async () => (await api.get('/api/settings')).groups ?? [],
  });
}

export function useSaveSetting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value, version }: { key: string; value: unknown; version: number }) =>
      api.put(`/api/settings/${encodeURIComponent(key)}`, { value, version }),
    // Reload after failures as well: a 409 means our version is stale.
    onSettled: () => qc.invalidateQueries({ queryKey: settingsKeys.all }),
  });
}
