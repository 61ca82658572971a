import type { UploadFile, UploadProps } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { useDescribeError } from './errors';

/** The attachment types the server accepts (it judges by content; this only narrows the file dialog). */
export const ATTACHMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.tif,.tiff,.doc,.docx,.xls,.xlsx';

/**
 * The upload behaviour of an antd <Upload> for attachments: each file goes through `send` with progress
 * and can be aborted; only files still sending stay listed under the button (finished ones appear in the
 * table); a refusal stays readable as `error` until closed or the next upload (a toast would vanish
 * before it is read). Spread `uploadProps` onto the <Upload>.
 */
export function useUploadRequest<T extends { filename?: string } | undefined>(options: {
  send: (file: File, transfer: { onProgress: (percent: number) => void; signal: AbortSignal }) => Promise<T>;
  onUploaded: (filename: string) => void;
  failedMessage: (filename: string, reason: string) => string;
}) {
  const describe = useDescribeError();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);

  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const f = file as File;
    const controller = new AbortController();
    setError(null);
    options
      .send(f, { onProgress: (percent) => onProgress?.({ percent }), signal: controller.signal })
      .then((answer) => {
        onSuccess?.(answer);
        options.onUploaded(answer?.filename ?? f.name);
      })
      .catch((err: unknown) => {
        if ((err as Error)?.name === 'AbortError') return;
        onError?.(err as Error);
        // The server's words for a refused file (415 type, 413 size) sit on the `file` field.
        const reason = err instanceof ApiError ? (err.fields.find((x) => x.field === 'file')?.message ?? describe(err)) : describe(err);
        setError(options.failedMessage(f.name, reason));
      });
    return { abort: () => controller.abort() };
  };

  const uploadProps: Pick<UploadProps, 'customRequest' | 'fileList' | 'onChange'> = {
    customRequest,
    fileList: uploading,
    onChange: (info) => setUploading(info.fileList.filter((f) => f.status === 'uploading')),
  };
  return { uploadProps, error, clearError: () => setError(null) };
}
