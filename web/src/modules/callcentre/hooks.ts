import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export const callcentreKeys = {
  all: ['callcentre'] as const,
  calls: (f: Record<string, unknown>) => ['callcentre', 'calls', f] as const,
  lines: ['callcentre', 'lines'] as const,
  template: ['callcentre', 'template'] as const,
  sample: (month: string) => ['callcentre', 'sample', month] as const,
  scores: (month: string) => ['callcentre', 'scores', month] as const,
  report: (month: string) => ['callcentre', 'report', month] as const,
};

export function useCalls(f: { page: number; month?: string }) {
  return useQuery({ queryKey: callcentreKeys.calls(f), queryFn: ({ signal }) => api.get('/api/callcentre/calls', { ...f, pageSize: 20 }, signal), placeholderData: keepPreviousData });
}
export function useMyLines() {
  return useQuery({ queryKey: callcentreKeys.lines, queryFn: ({ signal }) => api.get('/api/callcentre/my-lines', undefined, signal) });
}
export function useQaTemplate() {
  return useQuery({ queryKey: callcentreKeys.template, queryFn: ({ signal }) => api.get('/api/callcentre/qa/template', undefined, signal) });
}
export function useQaSample(month: string) {
  return useQuery({ queryKey: callcentreKeys.sample(month), queryFn: ({ signal }) => api.get('/api/callcentre/qa/sample', { month }, signal) });
}
export function useQaScores(month: string) {
  return useQuery({ queryKey: callcentreKeys.scores(month), queryFn: ({ signal }) => api.get('/api/callcentre/qa', { month }, signal) });
}
export function useQaReport(month: string, enabled: boolean) {
  return useQuery({ queryKey: callcentreKeys.report(month), queryFn: ({ signal }) => api.get('/api/callcentre/qa/report', { month }, signal), enabled });
}

function useCallcentreMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: callcentreKeys.all }) });
}
export const useRecordCall = () =>
  useCallcentreMutation((v: { id: number; category: string; summary: string; result: string; followUp?: string | null; version: number }) => {
    const { id, ...body } = v;
    return api.put(`/api/callcentre/calls/${id}`, body);
  });
export const useCallToComplaint = () =>
  useCallcentreMutation((v: { id: number; category: string; severity: string; content?: string }) => {
    const { id, ...body } = v;
    return api.post(`/api/callcentre/calls/${id}/complaint`, body);
  });
export const useCallToTask = () =>
  useCallcentreMutation((v: { id: number; dueDate: string }) => api.post(`/api/callcentre/calls/${v.id}/task`, { dueDate: v.dueDate }));
export const useScoreCall = () =>
  useCallcentreMutation((v: { id: number; scores: Record<string, number>; comment?: string | null }) => api.post(`/api/callcentre/calls/${v.id}/qa`, { scores: v.scores, comment: v.comment ?? null }));
export const useDispute = () => useCallcentreMutation((v: { id: number; reason: string }) => api.post(`/api/callcentre/qa/${v.id}/dispute`, { reason: v.reason }));

export interface PoppedCall {
  callId: number;
  direction: string;
  phone: string | null;
  at: string;
  customerId: number | null;
  customerName: string | null;
  customerArchiveNo: string | null;
}

/** The screen-pop: the server's stream of the agent's incoming calls (EventSource reconnects by itself with Last-Event-ID). */
export function useScreenPop(enabled: boolean) {
  const [calls, setCalls] = useState<PoppedCall[]>([]);
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/callcentre/stream');
    source.addEventListener('call', (e) => {
      const call = JSON.parse((e as MessageEvent<string>).data) as PoppedCall;
      setCalls((prev) => [call, ...prev.filter((c) => c.callId !== call.callId)].slice(0, 5));
      void qc.invalidateQueries({ queryKey: callcentreKeys.all });
    });
    return () => source.close();
  }, [enabled, qc]);
  return { calls, dismiss: (callId: number) => setCalls((prev) => prev.filter((c) => c.callId !== callId)) };
}
