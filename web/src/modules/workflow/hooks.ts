import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { NotificationPage, TaskComment, TaskDetail, TaskPage, TaskStatus, TodoItem } from '../../api/contract/workflow';
import type { TaskCreateInput, TaskUpdateInput } from '../../api/contract/workflow';

export type { TaskCreateInput, TaskUpdateInput };

/** Notifications, tasks and the to-do home page (issue 4 §2–4, docs/workflow.md). */

export interface NotificationFilters {
  unread?: boolean;
  page: number;
  pageSize: number;
}

export type TaskView = 'mine' | 'created' | 'team';

export interface TaskFilters {
  view: TaskView;
  status?: TaskStatus;
  overdue?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export const workflowKeys = {
  notifications: ['notifications'] as const,
  notificationList: (f: NotificationFilters) => ['notifications', 'list', f] as const,
  unread: ['notifications', 'unread'] as const,
  tasks: ['tasks'] as const,
  taskList: (f: TaskFilters) => ['tasks', 'list', f] as const,
  task: (id: number) => ['tasks', 'detail', id] as const,
  todo: ['home', 'todo'] as const,
};

/** The bell's count: polled, so a notification written by another user's action shows up without a reload. */
export function useUnreadCount() {
  return useQuery({
    queryKey: workflowKeys.unread,
    queryFn: ({ signal }) => api.get('/api/notifications/unread-count', undefined, signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useNotifications(f: NotificationFilters) {
  return useQuery({
    queryKey: workflowKeys.notificationList(f),
    queryFn: ({ signal }) => api.get('/api/notifications', { unread: f.unread ? 'true' : undefined, page: f.page, pageSize: f.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[] | 'all') =>
      ids === 'all' ? api.post('/api/notifications/read-all') : api.post('/api/notifications/read', { ids }),
    onSettled: () => qc.invalidateQueries({ queryKey: workflowKeys.notifications }),
  });
}

export function useTasks(f: TaskFilters) {
  return useQuery({
    queryKey: workflowKeys.taskList(f),
    queryFn: ({ signal }) =>
      api.get('/api/tasks', { view: f.view, status: f.status, overdue: f.overdue ? 'true' : undefined, q: f.q, page: f.page, pageSize: f.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: number) {
  return useQuery({
    queryKey: workflowKeys.task(id),
    queryFn: ({ signal }) => api.get(`/api/tasks/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

export function useTodo() {
  return useQuery({
    queryKey: workflowKeys.todo,
    queryFn: ({ signal }) => api.get('/api/home/todo', undefined, signal),
    refetchOnWindowFocus: true,
  });
}

/** Every task change can move items on the home page and write notifications: refresh all three. */
function useInvalidateWork() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: workflowKeys.tasks }),
      qc.invalidateQueries({ queryKey: workflowKeys.todo }),
      qc.invalidateQueries({ queryKey: workflowKeys.notifications }),
    ]);
}


export function useCreateTask() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (body: TaskCreateInput) => api.post('/api/tasks', body),
    onSettled: invalidate,
  });
}


export function useUpdateTask(id: number) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (body: TaskUpdateInput) => api.put(`/api/tasks/${id}`, body),
    onSettled: invalidate,
  });
}

export function useCompleteTask(id: number) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (body: { note?: string | null; version: number }) => api.post(`/api/tasks/${id}/complete`, body),
    onSettled: invalidate,
  });
}

export function useCommentTask(id: number) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (body: string) => api.post(`/api/tasks/${id}/comments`, { body }),
    onSettled: invalidate,
  });
}

// ── Held outgoing messages (GUANXI_OUTBOX=hold) ───────────────────────────────
const outboxKeys = { all: ['outbox'] as const };

export function useOutboxState() {
  return useQuery({ queryKey: [...outboxKeys.all, 'state'], queryFn: ({ signal }) => api.get('/api/notifications/outbox', undefined, signal) });
}

export function useHeldDeliveries(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...outboxKeys.all, 'held', page, pageSize],
    queryFn: ({ signal }) => api.get('/api/notifications/deliveries', { status: 'held', page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSettleHeld() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...target }: { action: 'release' | 'discard' } & ({ ids: number[] } | { all: true })) =>
      api.post(`/api/notifications/deliveries/${action}`, target),
    onSettled: () => qc.invalidateQueries({ queryKey: outboxKeys.all }),
  });
}

// ── Failed deliveries, sent again by an administrator ─────────────────────────
export function useFailedDeliveries(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...outboxKeys.all, 'failed', page, pageSize],
    queryFn: ({ signal }) => api.get('/api/notifications/deliveries', { status: 'failed', page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useResendFailed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (target: { ids: number[] } | { all: true }) => api.post('/api/notifications/deliveries/resend', target),
    onSettled: () => qc.invalidateQueries({ queryKey: outboxKeys.all }),
  });
}
