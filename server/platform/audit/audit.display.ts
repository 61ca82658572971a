import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type Lang, t } from '../http/i18n';
import { maskPersonalData } from '../outgoing/masking';
import type { ReferenceService } from '../reference/reference.service';
import { type AuditValue, auditType } from './audit.labels';
import { userNames } from './audit.queries';

export interface DisplayedChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

type Entry = { entity_type: string; entity_id: string | null; changes: string | null };

const parse = (changes: string | null): Record<string, [unknown, unknown]> => {
  try {
    return changes ? JSON.parse(changes) : {};
  } catch {
    return {};
  }
};

const idsOf = (v: unknown): number[] => (Array.isArray(v) ? v : [v]).map((x) => Number(x)).filter((n) => Number.isInteger(n) && n > 0);

/**
 * An audit page as a reader sees it (issue 16 part 3): the record type's and each field's label in the
 * reader's language, values as the UI shows them — names instead of user ids, labels instead of codes,
 * masked where the field is masked. Fields a module did not declare keep their key and raw value.
 */
export async function displayAudit(db: Kysely<Database>, reference: ReferenceService, lang: Lang, entries: Entry[]) {
  const parsed = entries.map((e) => ({ type: auditType(e.entity_type), changes: parse(e.changes) }));
  const people: number[] = [];
  let needsReference = false;
  for (const { type, changes } of parsed) {
    for (const [field, pair] of Object.entries(changes)) {
      const kind = type?.fields?.[field]?.value;
      if (kind === 'user' || kind === 'users') people.push(...idsOf(pair[0]), ...idsOf(pair[1]));
      if (kind && typeof kind === 'object' && 'reference' in kind) needsReference = true;
    }
  }
  const names = await userNames(db, people);
  const titles = await recordTitles(db, lang, entries);
  const referenceLabel = needsReference ? await reference.labeller(lang) : (_l: string, v: string) => v;
  const sep = lang === 'en' ? ', ' : '、';

  const show = (kind: AuditValue | undefined, v: unknown): string | null => {
    if (v == null || v === '') return null;
    if (Array.isArray(v)) return v.length ? v.map((x) => show(kind, x) ?? '').join(sep) : null;
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (!kind || kind === 'text') return s;
    if (kind === 'user' || kind === 'users') return names.get(Number(v)) ?? s;
    if (kind === 'masked') return s.includes('*') ? s : maskPersonalData(s) === s ? `****${s.slice(-4)}` : maskPersonalData(s);
    if (kind === 'bool') return t(lang, v === true || v === 1 || v === '1' || v === 'true' ? 'audit.yes' : 'audit.no');
    if ('options' in kind) return kind.options[s]?.[lang] ?? s;
    if ('messages' in kind) return t(lang, `${kind.messages}${s}`);
    return referenceLabel(kind.reference, s);
  };

  return parsed.map(({ type, changes }, i) => ({
    entityLabel: type?.label[lang] ?? entries[i].entity_type,
    entityTitle: (entries[i].entity_id && titles.get(entries[i].entity_type)?.get(entries[i].entity_id)) || null,
    display: Object.entries(changes).map(([field, [before, after]]): DisplayedChange => {
      const f = type?.fields?.[field];
      return { field, label: f?.label[lang] ?? field, before: show(f?.value, before), after: show(f?.value, after) };
    }),
  }));
}

/** Per record type, the titles of the records on this page: one batched read per type that declares `title`. */
async function recordTitles(db: Kysely<Database>, lang: Lang, entries: Entry[]): Promise<Map<string, Map<string, string>>> {
  const ids = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!auditType(e.entity_type)?.title || !e.entity_id) continue;
    if (!ids.has(e.entity_type)) ids.set(e.entity_type, new Set());
    ids.get(e.entity_type)!.add(e.entity_id);
  }
  const out = new Map<string, Map<string, string>>();
  await Promise.all([...ids].map(async ([type, set]) => out.set(type, await auditType(type)!.title!(db, [...set], lang))));
  return out;
}
