import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, errors } from '../../platform/http/errors';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { Clock } from '../../platform/time';
import { detectFileType, safeFilename } from './attachments.rules';

/** What a stored file gives the row that lists it. */
export interface StoredFile {
  filename: string;
  stored_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: string;
}

/**
 * Files live under DATA_DIR/attachments with generated names (issue 3 §5); with several app
 * instances DATA_DIR must be shared storage (docs/operations.md). Writes go to a temporary file,
 * are flushed, then renamed, so a half-written file is never listed. One store for the archive's
 * attachments and every other module that files documents the same way (proposals).
 */
export function createFileStore(deps: { settings: SettingsService; clock: Clock; dataDir: string }) {
  const { settings, clock, dataDir } = deps;
  const root = path.join(dataDir, 'attachments');
  const pathOf = (storedName: string) => path.join(root, storedName.slice(0, 4), storedName);

  return {
    /**
     * Checks the size limit and the type, writes the file durably, and keeps it only when `record`
     * (writing its row) succeeds: no orphan file when the row was not written.
     */
    async keep<T>(input: { filename: string; body: Buffer }, record: (file: StoredFile) => Promise<T>): Promise<T> {
      const maxBytes = (await settings.number('archive.attachmentMaxMb')) * 1024 * 1024;
      if (input.body.length === 0) throw errors.field('file', 'attachment.empty');
      if (input.body.length > maxBytes) throw new AppError('validation', 'attachment.too_large', [{ field: 'file', message: 'attachment.too_large', params: { mb: maxBytes / 1048576 } }], { mb: maxBytes / 1048576 }, 413);
      const detected = detectFileType(input.body);
      if (!detected) throw new AppError('validation', 'attachment.type_refused', [{ field: 'file', message: 'attachment.type_refused' }], {}, 415);
      const now = clock.now();
      const storedName = `${now.toISOString().slice(0, 4)}-${crypto.randomUUID()}.${detected.extension}`;
      const target = pathOf(storedName);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.part`;
      const fd = fs.openSync(tmp, 'wx', 0o600);
      try {
        fs.writeSync(fd, input.body);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, target);
      try {
        return await record({
          filename: safeFilename(input.filename, detected),
          stored_name: storedName,
          mime: detected.mime,
          size: input.body.length,
          sha256: crypto.createHash('sha256').update(input.body).digest('hex'),
          created_at: now.toISOString(),
        });
      } catch (err) {
        fs.rmSync(target, { force: true });
        throw err;
      }
    },

    read: (storedName: string) => fs.createReadStream(pathOf(storedName)),
    remove: (storedName: string) => fs.rmSync(pathOf(storedName), { force: true }),
  };
}
export type FileStore = ReturnType<typeof createFileStore>;
