/** The import's commit: every valid row in one transaction, duplicates skipped, updated or refused (issue point 10). */
import type { Customer } from '../customers.tables';
import { actorInfo } from '../../../platform/audit/audit.service';
import { errors } from '../../../platform/http/errors';
import type { RequestContext } from '../../../platform/permissions/actor';
import { hasCapability } from '../../../platform/permissions/policy';
import { customerValues } from '../customers.service';
import { importQueries } from './import.queries';
import { duplicateKeys, mappingProblem, type ContactValues, type CustomerValues } from './import.rules';
import type { DuplicateChoice, DuplicateMode } from './import.schemas';
import { type ImportCore, type StoredResult, CHUNK_ROWS, currentRows, differs } from './import.core';

export function createImportCommit(core: ImportCore) {
  const { db, kind, customers, audit, jobs, now, own, stored, validateAll, loadIndex, resultAnswer, currentYear, ledgerFields } = core;
  return {
    /**
     * Imports every valid row in one transaction; bad rows are left out and reported. Idempotent: the
     * same import committed again, or another upload of a file already committed with the same mapping,
     * answers the earlier result with alreadyImported and changes nothing.
     */
    async commit(ctx: RequestContext, id: number, mode: DuplicateMode, choices: DuplicateChoice[] = []) {
      // The user's choice per duplicate row (by spreadsheet row); `mode` for the rows they left alone.
      const choiceOf = new Map(choices.map((c) => [c.row, c.action]));
      const updates = mode === 'update' || choices.some((c) => c.action === 'update');
      if (updates && !hasCapability(ctx.actor, 'customers.update')) throw errors.forbidden();
      const row = await own(ctx, id);
      const table = stored(row);
      const validated = validateAll(table);
      if (row.status === 'committed' && row.result) {
        return resultAnswer(ctx, row, table, validated, { ...(JSON.parse(row.result) as StoredResult), alreadyImported: true });
      }
      const problem = mappingProblem(table.mapping, table.headers.length);
      if (problem) throw errors.field('mapping', problem);
      if (!table.mapping.includes('name')) throw errors.field('mapping', 'import.name_not_mapped');
      const ledger = customers.importLedger();
      if (!ledger && table.mapping.some((f) => f && ledgerFields.has(f))) throw errors.field('mapping', 'import.ledger_absent');
      const year = currentYear();
      const placement = await customers.ownerPlacement(ctx.actor.id);
      const total = table.rows.length;
      const result: StoredResult = await jobs.runCommit(id, total, async (trx, reportProgress) => {
          if (kind === 'postgres') {
            // Two uploads of the same file committed at once: the second waits and then finds the first.
            await importQueries.store.lockFile(trx, row.file_sha256);
          }
          const twin = await importQueries.store.committedTwin(trx, row.file_sha256, row.mapping, id, updates ? 'update' : undefined);
          if (twin?.result) {
            const earlier = { ...(JSON.parse(twin.result) as StoredResult), alreadyImported: true };
            await importQueries.store.update(trx, id, { status: 'committed', duplicates_mode: earlier.mode, result: JSON.stringify(earlier), committed_at: now(), updated_at: now(), progress_processed: total });
            return earlier;
          }
          const { index, visible } = await loadIndex(trx, ctx, validated);
          const current = updates ? await currentRows(trx, [...visible]) : new Map<number, Customer>();
          const r: StoredResult = { mode, duplicateRows: [], created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, commitIssues: [] };
          // New customers are written in batches; until then the index knows them by a negative placeholder.
          const pending: { placeholder: number; values: CustomerValues; contact: ContactValues | null }[] = [];
          const realId = new Map<number, number>();
          // Rows with an annual purchase amount, by customer id (a placeholder until its batch is written).
          const purchases: { id: number; year: number; amountCents: number }[] = [];
          const purchaseOf = (i: number, id: number) => {
            const p = validated[i].purchase;
            if (p && p.amountCents > 0) purchases.push({ id, year: p.year ?? year, amountCents: p.amountCents });
          };
          const resolve = (ids: number[]) => [...new Set(ids.map((x) => realId.get(x) ?? x))];
          const flush = async () => {
            if (!pending.length) return;
            const ids = await customers.insertCustomers(trx, ctx, pending.map((p) => p.values), placement);
            for (const [k, p] of pending.entries()) {
              realId.set(p.placeholder, ids[k]);
              visible.add(ids[k]);
              if (p.contact) await customers.addContactIn(trx, ctx, ids[k], p.contact);
            }
            pending.length = 0;
          };
          for (let i = 0; i < total; i++) {
            if (i > 0 && i % CHUNK_ROWS === 0) {
              await flush();
              await reportProgress(i);
            }
            const v = validated[i];
            if (!v.values) {
              r.failed++;
              continue;
            }
            const keys = duplicateKeys(v.values, v.archiveNo);
            const found = index.matchReasons(keys);
            const action = choiceOf.get(table.rowNumbers[i]) ?? mode;
            if (found.size) r.duplicateRows!.push({ index: i, action, matches: [...found] });
            if (found.size && action !== 'create') {
              let matches = resolve([...found.keys()]);
              if (action === 'skip') {
                r.skipped++;
                continue;
              }
              if (matches.some((x) => x < 0)) {
                await flush(); // the row updates one created earlier in this file
                matches = resolve(matches);
              }
              if (matches.length > 1 || !visible.has(matches[0])) {
                // Never guess which record to change, nor change one outside the caller's data scope.
                r.failed++;
                r.commitIssues.push({ index: i, key: matches.length > 1 ? 'import.duplicate_ambiguous' : 'import.duplicate_hidden' });
                continue;
              }
              // The row's contact person joins the existing customer unless one of that name is there already.
              const newContact = v.contact && !(await importQueries.hasContactNamed(trx, matches[0], v.contact.name)) ? v.contact : null;
              if (newContact) await customers.addContactIn(trx, ctx, matches[0], newContact);
              purchaseOf(i, matches[0]);
              const before = current.get(matches[0]);
              if (before && !differs(customerValues(before), v.values)) {
                if (newContact) {
                  r.updated++;
                  continue;
                }
                r.unchanged++; // the same values again: nothing written, no audit entry
                continue;
              }
              // The normal versioned update: the version goes up and the history names each changed field.
              const changes = await customers.updateCustomer(trx, ctx, matches[0], null, v.values);
              current.delete(matches[0]);
              if (Object.keys(changes).length || newContact) {
                r.updated++;
                index.add(matches[0], keys);
              } else r.unchanged++;
              continue;
            }
            const placeholder = -(i + 1);
            pending.push({ placeholder, values: v.values, contact: v.contact });
            purchaseOf(i, placeholder);
            index.add(placeholder, keys);
            r.created++;
          }
          await flush();
          if (ledger && purchases.length) {
            const ids = purchases.map((p) => realId.get(p.id) ?? p.id);
            const labels = await importQueries.customerLabels(trx, ids);
            const rows = purchases.map((p, k) => ({ customerId: ids[k], archiveNo: labels.get(ids[k])!.archive_no, year: p.year, amountCents: p.amountCents }));
            const written = await ledger.record(trx, ctx, rows);
            r.ledgerCreated = written.created;
            r.ledgerExisting = written.existing;
          }
          const at = now();
          await importQueries.store.update(trx, id, { status: 'committed', duplicates_mode: mode, result: JSON.stringify(r), committed_at: at, updated_at: at, progress_processed: total });
          await audit.record(trx, actorInfo(ctx), {
            action: 'import',
            entityType: 'customer_import',
            entityId: id,
            summary: `${row.filename}: created ${r.created}, updated ${r.updated}, skipped ${r.skipped}, failed ${r.failed}`,
            changes: {
              filename: [null, row.filename],
              sha256: [null, row.file_sha256],
              duplicates: [null, mode],
              rows: [null, total],
              created: [null, r.created],
              updated: [null, r.updated],
              unchanged: [null, r.unchanged],
              skipped: [null, r.skipped],
              failed: [null, r.failed],
              ...(r.ledgerCreated !== undefined ? { ledgerCreated: [null, r.ledgerCreated], ledgerExisting: [null, r.ledgerExisting] } : {}),
            },
          });
          return r;
      });
      const after = (await importQueries.store.summary(db, id))!;
      return resultAnswer(ctx, after, table, validated, result);
    },
  };
}
