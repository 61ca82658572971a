import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import { developmentQueries as q } from './development.queries';
import { type Stage, aggregateProgress, latestWins, monthEnd, monthStart, monthsBetween } from './development.rules';

/** The longest range one progress table covers. */
export const MAX_PROGRESS_MONTHS = 24;
const DEFAULT_MONTHS = 6;

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const n = y * 12 + (m - 1) + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/**
 * Monthly development progress per person (docs/regulations.md §6; 004 第五条 "月度完成情况"): within the caller's
 * scope — a specialist their own figures, a supervisor the team's, managers everyone's.
 */
export function createProgressService(deps: { db: Kysely<Database>; clock: Clock; settings: SettingsService }) {
  const { db, clock, settings } = deps;

  return {
    async monthly(ctx: RequestContext, f: { from?: string; to?: string; ownerId?: number }) {
      const to = f.to ?? shanghaiDate(clock.now()).slice(0, 7);
      const from = f.from ?? shiftMonth(to, -(DEFAULT_MONTHS - 1));
      if (from > to) throw errors.field('from', 'development.range_reversed');
      const months = monthsBetween(from, to);
      if (months.length > MAX_PROGRESS_MONTHS) throw errors.field('from', 'development.range_too_long', { months: MAX_PROGRESS_MONTHS });

      const [events, moves] = await Promise.all([
        q.stageEvents(db, ctx.actor, { from: monthStart(from), before: monthEnd(to), ownerId: f.ownerId }),
        q.contractMoves(db, ctx.actor, f.ownerId),
      ]);
      const wins = latestWins(
        moves.map((m) => ({
          prospectId: m.prospect_id,
          ownerId: m.owner_id,
          at: m.at,
          from: m.from_stage as Stage | null,
          to: m.to_stage as Stage,
          amount: m.first_deal_amount ?? m.expected_amount,
        })),
        new Map(moves.map((m) => [m.prospect_id, m.stage as Stage])),
      );
      const rows = aggregateProgress(
        events.map((e) => ({ prospectId: e.prospect_id, ownerId: e.owner_id, at: e.at, from: e.from_stage as Stage | null, to: e.to_stage as Stage })),
        wins,
        from,
        to,
      );
      const names = await q.userNames(db, [...new Set(rows.map((r) => r.ownerId))]);
      const totals = new Map<number, { ownerId: number; ownerName: string | null; newProspects: number; stageAdvances: number; won: number; wonAmount: number }>();
      for (const r of rows) {
        const t = totals.get(r.ownerId) ?? { ownerId: r.ownerId, ownerName: names.get(r.ownerId) ?? null, newProspects: 0, stageAdvances: 0, won: 0, wonAmount: 0 };
        t.newProspects += r.newProspects;
        t.stageAdvances += r.stageAdvances;
        t.won += r.won;
        t.wonAmount = Math.round((t.wonAmount + r.wonAmount) * 10000) / 10000;
        totals.set(r.ownerId, t);
      }
      return {
        from,
        to,
        months,
        newProspectsTarget: await settings.number('development.newProspectsPerMonth'),
        rows: rows.map((r) => ({ ...r, ownerName: names.get(r.ownerId) ?? null })),
        totals: [...totals.values()],
      };
    },
  };
}
export type ProgressService = ReturnType<typeof createProgressService>;
