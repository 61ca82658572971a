import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CalendarDay, DayReason } from '../../api/contract/platform';
import { useIsMobile } from '../../app/useIsMobile';
import { currentLang } from '../../i18n';
import { useCalendarMonth } from './hooks';

const OFF_REASONS: DayReason[] = ['holiday', 'company_off'];
const ON_REASONS: DayReason[] = ['makeup_workday', 'company_on'];

const CELL_STYLE: Record<DayReason, { background: string; color?: string }> = {
  weekday: { background: '#ffffff' },
  weekend: { background: '#f5f5f5', color: 'rgba(0,0,0,0.45)' },
  holiday: { background: '#fff1f0', color: '#cf1322' },
  company_off: { background: '#fff0f6', color: '#c41d7f' },
  makeup_workday: { background: '#fff7e6', color: '#d46b08' },
  company_on: { background: '#e6f4ff', color: '#0958d9' },
};

export const REASON_TAG_COLOR: Record<DayReason, string> = {
  weekday: 'default',
  weekend: 'default',
  holiday: 'red',
  company_off: 'magenta',
  makeup_workday: 'orange',
  company_on: 'blue',
};

function dayLabel(t: TFunction, d: CalendarDay): string {
  const parts = [d.date, d.name, t(`calendar.reasons.${d.reason}`), d.working ? t('calendar.working') : t('calendar.off')];
  if (d.provisional) parts.push(t('calendar.provisional'));
  return parts.filter(Boolean).join(t('common.clauseSeparator'));
}

/** Monday-first weekday names in the current language (周一 / 週一 / Mon). */
function weekdayNames(lang: string): string[] {
  const fmt = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => fmt.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

interface Props {
  month: string; // YYYY-MM
  onMonthChange: (month: string) => void;
}

/** The month as a Monday-first grid, each day coloured and labelled by why it is (not) a working day. */
export function MonthGrid({ month, onMonthChange }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const lang = currentLang();
  const { data: days, isPending, isError, isPlaceholderData } = useCalendarMonth(month);
  const first = dayjs(`${month}-01`);
  const leading = (first.day() + 6) % 7; // Monday = 0
  const provisional = (days ?? []).some((d) => d.provisional);
  const shift = (n: number) => onMonthChange(first.add(n, 'month').format('YYYY-MM'));

  return (
    <div>
      <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="center" gap={4}>
          <Button icon={<LeftOutlined />} aria-label={t('calendar.prevMonth')} onClick={() => shift(-1)} />
          <DatePicker
            picker="month"
            aria-label={t('calendar.pickMonth')}
            allowClear={false}
            value={first}
            format={t('calendar.monthFormat')}
            onChange={(v) => v && onMonthChange(v.format('YYYY-MM'))}
            style={{ width: 130 }}
          />
          <Button icon={<RightOutlined />} aria-label={t('calendar.nextMonth')} onClick={() => shift(1)} />
          <Button onClick={() => onMonthChange(dayjs().format('YYYY-MM'))}>{t('calendar.today')}</Button>
        </Flex>
        {provisional ? (
          <Tooltip title={t('calendar.provisionalHint', { year: first.year() })}>
            <Tag color="warning">{t('calendar.provisional')}</Tag>
          </Tooltip>
        ) : null}
      </Flex>
      {provisional ? (
        <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
          {t('calendar.provisionalHint', { year: first.year() })}
        </Typography.Paragraph>
      ) : null}
      {isPending ? (
        <Skeleton active />
      ) : isError ? null : (
        <div
          role="group"
          aria-label={first.format('YYYY-MM')}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4, opacity: isPlaceholderData ? 0.5 : 1 }}
        >
          {weekdayNames(lang).map((w) => (
            <div key={w} aria-hidden style={{ textAlign: 'center', fontWeight: 600, fontSize: 12, padding: 4 }}>
              {w}
            </div>
          ))}
          {Array.from({ length: leading }, (_, i) => (
            <div key={`pad-${i}`} aria-hidden />
          ))}
          {(days ?? []).map((d) => {
            const style = CELL_STYLE[d.reason];
            const badge = OFF_REASONS.includes(d.reason) ? t('calendar.offShort') : ON_REASONS.includes(d.reason) ? t('calendar.workShort') : null;
            const isToday = d.date === dayjs().format('YYYY-MM-DD');
            return (
              <div
                key={d.date}
                title={dayLabel(t, d)}
                style={{
                  ...style,
                  border: isToday ? '2px solid #1677ff' : '1px solid #f0f0f0',
                  borderRadius: 6,
                  minHeight: isMobile ? 48 : 72,
                  padding: isMobile ? 2 : 6,
                  overflow: 'hidden',
                  position: 'relative',
                  boxSizing: 'border-box',
                }}
              >
                <span className="gx-sr-only">{dayLabel(t, d)}</span>
                <Flex justify="space-between" align="flex-start" aria-hidden>
                  <span style={{ fontWeight: 600, fontSize: isMobile ? 13 : 15 }}>{Number(d.date.slice(8))}</span>
                  {badge ? <span style={{ fontSize: 11, fontWeight: 600 }}>{badge}</span> : null}
                </Flex>
                {d.name ? (
                  <div aria-hidden style={{ fontSize: isMobile ? 10 : 12, lineHeight: 1.3, wordBreak: 'break-all' }}>{d.name}</div>
                ) : !isMobile && d.reason !== 'weekday' && d.reason !== 'weekend' ? (
                  <div aria-hidden style={{ fontSize: 12 }}>{t(`calendar.reasons.${d.reason}`)}</div>
                ) : null}
              </div>
            );
          })}
        </div>
      )}
      <Flex wrap gap={4} style={{ marginTop: 12 }} aria-label={t('calendar.legend')}>
        {(Object.keys(CELL_STYLE) as DayReason[]).map((r) => (
          <Tag key={r} color={REASON_TAG_COLOR[r]} style={{ background: CELL_STYLE[r].background }}>
            {t(`calendar.reasons.${r}`)}
          </Tag>
        ))}
      </Flex>
    </div>
  );
}
