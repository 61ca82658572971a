import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDrill } from '../../bench/backup-drill';

// Issue 14 §5 / issue 18 §4: a backup taken during steady writes restores with matching checksums.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-backup-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SQLite backup under steady writes', () => {
  it('finishes while ~300 writes a second go on, and the restored copy matches the source as of the backup', async () => {
    const f = await backupDrill({ dir, fillerRows: 60_000, rate: 300, warmupMs: 1500 });
    expect(f.integrity).toBe('ok');
    expect(f.writesDuringBackup).toBeGreaterThan(0); // the writer was not paused by the backup
    expect(f.busyBackupMs).toBeLessThan(10_000);
    expect(f.writesInCopy).toBeGreaterThanOrEqual(f.ackedBeforeStart);
    expect(f.missingAcked).toBe(0);
    expect(f.writtenTableMatches).toBe(true);
    expect(f.otherTablesMatch).toBe(true);
    expect(f.appOpensCopy).toBe(true);
    expect(f.failedWrites).toBe(0);
  }, 120_000);
});
