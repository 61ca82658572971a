import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The caller's whole dashboard in one request. */
export const useDashboard = () => useQuery({ queryKey: ['dashboards', 'mine'], queryFn: ({ signal }) => api.get('/api/dashboards/mine', undefined, signal) });
