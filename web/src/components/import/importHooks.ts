import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Query, request, uploadFile, withQuery } from '../../api/client';

/** What every import's preview answers (server/platform/import): the wizard's steps read only this. */
export interface ImportPreviewBase {
  id: number;
  filename: string;
  fileType: 'xlsx' | 'csv';
  encoding: string | null;
  sheetName: string | null;
  status: string;
  columns: { index: number; header: string; field: string | null }[];
  fields: string[];
  unmappedRequired: string[];
  rowCount: number;
  validCount: number;
  errorRowCount: number;
  sample: { row: number; valid: boolean; values: Record<string, string> }[];
  errors: ImportRowError[];
  errorCount: number;
  alreadyImported: { at: string | null; byName: string | null } | null;
}

export interface ImportRowError {
  row: number;
  field: string;
  column: number | null;
  header: string | null;
  message: string;
}

export interface ImportResultBase {
  id: number;
  status: string;
  errors: ImportRowError[];
  errorCount: number;
}

export interface ImportStatusBase<R> {
  id: number;
  status: string;
  progress: { processed: number; total: number };
  result: Omit<R, 'errors'> | null;
}

export interface ImportUpload {
  file: Blob;
  filename: string;
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

/**
 * The queries and mutations of one import's endpoints (`base` = /api/customer-imports …): upload, preview,
 * mapping, commit, status poll and the error report's address. `afterCommit` refreshes what the rows changed.
 */
export function createImportHooks<P extends ImportPreviewBase, R extends ImportResultBase, S extends ImportStatusBase<R>, C extends object>(opts: {
  base: string;
  afterCommit: (qc: QueryClient) => Promise<unknown>;
}) {
  const { base } = opts;
  const keys = {
    all: [base] as const,
    preview: (id: number) => [base, id, 'preview'] as const,
    status: (id: number) => [base, id, 'status'] as const,
  };
  return {
    keys,

    /** The preview of an upload (columns, mapping, counts, sample, errors); kept fresh by the mapping mutation. */
    usePreview(id: number | undefined) {
      return useQuery({
        queryKey: keys.preview(id ?? 0),
        queryFn: () => request<P>('GET', `${base}/${id as number}/preview`), // runs only with an id (enabled)
        enabled: !!id && id > 0,
        staleTime: Infinity,
      });
    },

    /** The file goes as the raw body; the server judges .xlsx / CSV by content and answers the preview (201). */
    useUpload(query: Query = {}) {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: ({ file, filename, onProgress, signal }: ImportUpload) => uploadFile<P>(base, file, { query: { ...query, filename }, onProgress, signal }),
        onSuccess: (preview) => qc.setQueryData(keys.preview(preview.id), preview),
      });
    },

    /** One field (or null = 不导入) per column, in file order; answers the re-validated preview. */
    useMapping(id: number) {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: (mapping: (string | null)[]) => request<P>('PUT', `${base}/${id}/mapping`, { body: { mapping } }),
        onSuccess: (preview) => qc.setQueryData(keys.preview(id), preview),
      });
    },

    /** Writes the valid rows in one transaction; what they change is stale afterwards. */
    useCommit(id: number) {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: (body: C) => request<R>('POST', `${base}/${id}/commit`, { body }),
        onSettled: async () => {
          await opts.afterCommit(qc);
          await qc.invalidateQueries({ queryKey: keys.preview(id) });
        },
      });
    },

    /**
     * Status and progress, asked every second while `polling`. On SQLite the answer waits for the commit's
     * transaction, so the numbers may arrive only at the end.
     */
    useStatus(id: number, polling: boolean) {
      return useQuery({
        queryKey: keys.status(id),
        queryFn: () => request<S>('GET', `${base}/${id}`),
        enabled: polling && id > 0,
        refetchInterval: polling ? 1000 : false,
        staleTime: 0,
        gcTime: 0,
      });
    },

    /** The downloadable report of the bad rows (a plain link: the browser sends the session cookie). */
    reportUrl: (id: number) => withQuery(`${base}/${id}/report.xlsx`),
  };
}
export type ImportHooks<P extends ImportPreviewBase, R extends ImportResultBase, S extends ImportStatusBase<R>, C extends object> = ReturnType<typeof createImportHooks<P, R, S, C>>;
