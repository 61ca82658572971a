import { useQueries } from '@tanstack/react-query';
import { Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CustomerHistoryEntry, CustomerOptions } from '../../api/contract/customers';
import type { UserRecord } from '../../api/contract/platform';
import { formatDateTime } from '../../components/format';
import { LoadError } from '../../components/status';
import { FIELD_DEFS, type CustomerField, fieldLabel } from './fields';
import { useCustomerHistory, useCustomerOptions } from './hooks';
import { gradeLabel, optionLabel, statusLabel } from './labels';

const CONTACT_PREFIX = 'contact.';

/** A history field key → its label: customer fields from fields.ts, contact fields as 联系人·姓名. */
export function historyFieldLabel(t: TFunction, field: string): string {
  if (field.startsWith(CONTACT_PREFIX)) {
    const sub = field.slice(CONTACT_PREFIX.length);
    return `${t('customers.fields.contact')}·${t(`customers.contacts.${sub}`, { defaultValue: sub })}`;
  }
  return fieldLabel(t, field);
}

const USER_FIELDS = new Set(['ownerId']);

/** The history names owners by user id: look their names up (users outside the caller's view stay a number). */
function useUserNames(ids: number[]): Map<number, string> {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['users', 'detail', id],
      queryFn: () => api.get(`/api/users/${id}`),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const names = new Map<number, string>();
  results.forEach((r, i) => {
    if (r.data?.displayName) names.set(ids[i], r.data.displayName);
  });
  return names;
}

/** An old or new value as the user reads it: codes translated, lists joined, blanks named. */
export function historyValue(t: TFunction, field: string, value: unknown, options?: CustomerOptions, users?: Map<number, string>): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('customers.history.empty_value');
  if (USER_FIELDS.has(field) && typeof value === 'number') return users?.get(value) ?? `#${value}`;
  if (field === 'status' && typeof value === 'string') return statusLabel(t, value);
  // The grade is set by grading, not edited on the form: name it as the board and the value panel do ("A 重点客户").
  if (field === 'grade' && typeof value === 'string') return gradeLabel(t, value, options);
  const def = FIELD_DEFS[field as CustomerField];
  if (def?.kind === 'select' && typeof value === 'string') return optionLabel(t, def.options, value, options);
  if (Array.isArray(value)) return value.map(String).join(t('common.listSeparator'));
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** What a reveal showed ("phone", "contactMobile (contact 2)" on the server) → 联系电话 / 联系人·手机. */
const REVEALED: Record<string, string> = { phone: 'phone', fixedPhone: 'fixedPhone', bankAccount: 'bankAccount', contactPhone: 'contact.phone', contactMobile: 'contact.mobile' };

function summaryText(t: TFunction, e: HistoryEvent): string | null | undefined {
  if (e.action === 'reveal' && e.summary) {
    const field = REVEALED[e.summary.split(/[\s(]/)[0]];
    if (field) return historyFieldLabel(t, field);
  }
  return e.summary;
}

/** The verb of an event (修改, 新建 …); the server's action code when we have no label for it. */
function actionLabel(t: TFunction, action: string | undefined): string {
  if (!action) return t('customers.history.actions.update');
  return t(`customers.history.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });
}

interface HistoryEvent {
  key: number;
  at: string;
  actorName: string | null;
  action?: string;
  summary?: string | null;
  changes: CustomerHistoryEntry[];
}

interface MergeFacts {
  archiveNo: string | null;
  name: string | null;
  reason: string | null;
  contacts: number | null;
  attachments: number | null;
}

/** A merge is one history entry on the survivor whose fields say what was merged, why, and what moved. */
function mergeFacts(e: HistoryEvent): MergeFacts {
  const value = (field: string) => e.changes.find((h) => h.field === field)?.newValue;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const count = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    archiveNo: text(value('mergedArchiveNo')),
    name: text(value('mergedName')),
    reason: text(value('reason')),
    contacts: count(value('movedContacts')),
    attachments: count(value('movedAttachments')),
  };
}

function MergeEntry({ e, head }: { e: HistoryEvent; head: ReactNode }) {
  const { t } = useTranslation();
  const f = mergeFacts(e);
  const moved = f.contacts !== null || f.attachments !== null ? t('customers.history.mergeMoved', { contacts: f.contacts ?? 0, attachments: f.attachments ?? 0 }) : null;
  return (
    <Flex vertical gap={2}>
      <div>
        {head} {t('customers.history.merged', { archiveNo: f.archiveNo ?? '' })}
        {f.name ? ` ${f.name}` : null}
      </div>
      {f.reason ? (
        <div>
          <Typography.Text type="secondary">{t('customers.history.mergeReason', { reason: f.reason })}</Typography.Text>
        </div>
      ) : null}
      {moved ? (
        <div>
          <Typography.Text type="secondary">{moved}</Typography.Text>
        </div>
      ) : null}
    </Flex>
  );
}

/** Actions shown as one line "上传附件 合同.pdf" (the file's name is the summary), without field rows. */
const ONE_LINE = new Set(['attachment.create', 'attachment.delete']);

/** The server sends one row per changed field; one save (same time, person and action) is one event. */
function groupEvents(items: CustomerHistoryEntry[]): HistoryEvent[] {
  const out: HistoryEvent[] = [];
  items.forEach((h, i) => {
    const last = out[out.length - 1];
    if (last && last.at === h.at && last.actorName === h.actorName && last.action === h.action && (last.summary ?? null) === (h.summary ?? null)) {
      if (h.field) last.changes.push(h);
      return;
    }
    out.push({ key: i, at: h.at, actorName: h.actorName, action: h.action, summary: h.summary, changes: h.field ? [h] : [] });
  });
  return out;
}

function Change({ h, options, added, users }: { h: CustomerHistoryEntry; options?: CustomerOptions; added?: boolean; users?: Map<number, string> }) {
  const { t } = useTranslation();
  return (
    <span>
      <Typography.Text strong>{historyFieldLabel(t, h.field)}</Typography.Text>
      {t('customers.history.colon')}
      {added ? null : (
        <>
          {historyValue(t, h.field, h.oldValue, options, users)}
          {' → '}
        </>
      )}
      {historyValue(t, h.field, h.newValue, options, users)}
      {h.major ? (
        <Tag color="red" style={{ marginInlineStart: 8 }}>
          {t('customers.history.major')}
        </Tag>
      ) : null}
    </span>
  );
}

/** 变更记录: every change of the archive, newest first (docs/regulations.md §2 "dynamic management"). */
export function HistoryTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const history = useCustomerHistory(customerId);
  const options = useCustomerOptions();
  const userIds = [
    ...new Set(
      (history.data ?? []).filter((h) => USER_FIELDS.has(h.field)).flatMap((h) => [h.oldValue, h.newValue]).filter((v): v is number => typeof v === 'number'),
    ),
  ].sort((a, b) => a - b);
  const users = useUserNames(userIds);
  if (history.isPending) return <Skeleton active />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <Empty description={t('customers.history.empty')} />;
  return (
    <Timeline
      items={groupEvents(history.data).map((e) => {
        if (e.action === 'merge') {
          const head = (
            <>
              <Typography.Text strong>{e.actorName ?? t('customers.history.system')}</Typography.Text>{' '}
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
            </>
          );
          return { key: e.key, color: 'purple', content: <MergeEntry e={e} head={head} /> };
        }
        // A new archive lists every field it was created with: name the archive instead;
        // an attachment is named by the summary (its file name).
        const changes = e.action === 'create' || (e.action && ONE_LINE.has(e.action)) ? [] : e.changes;
        // A new contact: its values, without a column of "(empty) →".
        const added = e.action === 'contact.create';
        const summary = summaryText(t, e);
        const head = (
          <>
            <Typography.Text strong>{e.actorName ?? t('customers.history.system')}</Typography.Text>{' '}
            <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text> {actionLabel(t, e.action)}
            {summary && changes.length === 0 ? ` ${summary}` : null}
            {/* transfer: the reason; contact changes: whose */}
            {summary && changes.length > 0 && e.action !== 'update' ? <Typography.Text type="secondary">{t('customers.history.note', { text: summary })}</Typography.Text> : null}
          </>
        );
        return {
          key: e.key,
          color: e.changes.some((h) => h.major) ? 'red' : e.action === 'create' ? 'green' : 'blue',
          content:
            changes.length === 1 ? (
              <div>
                {head} <Change h={changes[0]} options={options.data} added={added} users={users} />
              </div>
            ) : (
              <Flex vertical gap={2}>
                <div>{head}</div>
                {changes.map((h, i) => (
                  <div key={i}>
                    <Change h={h} options={options.data} added={added} users={users} />
                  </div>
                ))}
              </Flex>
            ),
        };
      })}
    />
  );
}
