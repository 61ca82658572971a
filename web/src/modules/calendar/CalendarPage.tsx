import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import type { CompanyDay, OfficialYear } from '../../api/contract/platform';
import { useDescribeError, useNotifyError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { useAddCompanyDay, useCalendarStatus, useCompanyDays, useDeleteCompanyDay, useOfficialYears, useSaveOfficialYear } from './hooks';
import { MonthGrid } from './MonthGrid';

const ISO = 'YYYY-MM-DD';
const sectionTitle = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

/** 2004, 2005 … 2026 (built in) → one "2004–2026" range per run of consecutive years with the same source. */
function yearRanges(years: OfficialYear[]): { from: number; to: number; source: OfficialYear['source'] }[] {
  const out: { from: number; to: number; source: OfficialYear['source'] }[] = [];
  for (const y of years) {
    const last = out[out.length - 1];
    if (last && last.to === y.year - 1 && (last.source ?? null) === (y.source ?? null)) last.to = y.year;
    else out.push({ from: y.year, to: y.year, source: y.source ?? null });
  }
  return out;
}

function OfficialYearsCard() {
  const { t } = useTranslation();
  const years = useOfficialYears();
  const status = useCalendarStatus();
  const missing = [
    ...(status.data?.currentYearMissing ? [status.data.currentYear] : []),
    ...(status.data?.nextYearMissing && status.data.warn ? [status.data.nextYear] : []),
  ];
  return (
    <Card title={sectionTitle(t('calendar.officialYears'))}>
      {missing.map((y) => (
        <Alert key={y} type="warning" showIcon title={t('calendar.yearsMissing', { year: y })} style={{ marginBottom: 12 }} />
      ))}
      {years.isError ? (
        <LoadError error={years.error} onRetry={() => void years.refetch()} />
      ) : (years.data ?? []).length === 0 && !years.isPending ? (
        <Typography.Text type="secondary">{t('calendar.noOfficialYears')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('calendar.officialYearsHint')}</Typography.Paragraph>
          <Flex wrap gap={8}>
            {yearRanges(years.data ?? []).map((r) => (
              <Tag key={r.from} color={r.source === 'imported' ? 'blue' : r.source === 'builtin' ? 'green' : 'warning'}>
                {r.from === r.to ? r.from : `${r.from}–${r.to}`} ·{' '}
                {t(r.source === 'imported' ? 'calendar.imported' : r.source === 'builtin' ? 'calendar.builtin' : 'calendar.missing')}
              </Tag>
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}

interface CompanyDayValues {
  date: Dayjs | null;
  kind: 'holiday' | 'workday';
  name: string;
}

function CompanyDaysCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompanyDayValues>();
  const days = useCompanyDays();
  const add = useAddCompanyDay();
  const remove = useDeleteCompanyDay();
  const notifyError = useNotifyError();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);

  const columns: TableColumnsType<CompanyDay> = [
    { title: t('calendar.date'), dataIndex: 'date', width: 120, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: CompanyDay['kind']) => <Tag color={k === 'holiday' ? 'magenta' : 'blue'}>{t(`calendar.kinds.${k}`)}</Tag>,
    },
    { title: t('calendar.name'), dataIndex: 'name', width: 160 },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, d: CompanyDay) => (
              <Popconfirm
                title={t('calendar.deleteConfirm', { date: d.date })}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutateAsync(d.id, { onSuccess: () => void message.success(t('common.deleted')), onError: notifyError }).catch(() => undefined)
                }
              >
                <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  const onFinish = (v: CompanyDayValues) => {
    if (!v.date) return;
    setError(null);
    add.mutate(
      { date: v.date.format(ISO), kind: v.kind, name: v.name.trim() },
      {
        onSuccess: () => {
          void message.success(t('calendar.added'));
          form.resetFields();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) setError(describe(err));
        },
      },
    );
  };

  return (
    <Card title={sectionTitle(t('calendar.companyDays'))}>
      <Typography.Paragraph type="secondary">{t('calendar.companyDayHint')}</Typography.Paragraph>
      {canManage ? (
        <>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Form<CompanyDayValues> form={form} name="companyDay" layout="vertical" onFinish={onFinish} initialValues={{ kind: 'holiday' }} disabled={add.isPending}>
            <Row gutter={8}>
              <Col span={12}>
                <Form.Item label={t('calendar.date')} name="date" rules={[{ required: true, message: t('common.required') }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('calendar.kind')} name="kind" rules={[{ required: true, message: t('common.required') }]}>
                  <Select
                    options={[
                      { value: 'holiday', label: t('calendar.kinds.holiday') },
                      { value: 'workday', label: t('calendar.kinds.workday') },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item label={t('calendar.name')} name="name" rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 40 }]}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item>
              <Button htmlType="submit" type="primary" icon={<PlusOutlined />} loading={add.isPending}>
                {t('calendar.addCompanyDay')}
              </Button>
            </Form.Item>
          </Form>
        </>
      ) : null}
      {days.isError ? (
        <LoadError error={days.error} onRetry={() => void days.refetch()} />
      ) : (
        <Table<CompanyDay>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={days.data ?? []}
          loading={days.isFetching}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 420 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.companyDaysEmpty')} /> }}
        />
      )}
    </Card>
  );
}

interface ScheduleValues {
  year: number;
  holidays: { name: string; start: Dayjs | null; end: Dayjs | null }[];
  makeupWorkdays: { date: Dayjs | null; name: string }[];
}

/** Entering the State Council's schedule for a year once it is published (PUT /api/calendar/years/:year). */
function OfficialScheduleCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScheduleValues>();
  const status = useCalendarStatus();
  const save = useSaveOfficialYear();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  const year = Form.useWatch('year', form) ?? status.data?.nextYear ?? dayjs().year() + 1;
  const required = { required: true, message: t('common.required') };
  const inYear = (d: Dayjs) => d.year() !== year;

  const onFinish = (v: ScheduleValues) => {
    setError(null);
    save.mutate(
      {
        year: v.year,
        schedule: {
          holidays: (v.holidays ?? []).map((h) => ({ name: h.name.trim(), start: h.start!.format(ISO), end: h.end!.format(ISO) })),
          makeupWorkdays: (v.makeupWorkdays ?? []).map((m) => ({ date: m.date!.format(ISO), name: m.name.trim() })),
        },
      },
      {
        onSuccess: () => void message.success(t('calendar.imported_ok', { year: v.year })),
        onError: (err) => {
          if (!applyFieldErrors(form, err)) setError(describe(err));
        },
      },
    );
  };

  return (
    <Card title={sectionTitle(t('calendar.importTitle'))}>
      <Typography.Paragraph type="secondary">{t('calendar.importHint')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form<ScheduleValues>
        form={form}
        name="officialSchedule"
        layout="vertical"
        onFinish={onFinish}
        disabled={save.isPending}
        initialValues={{ year: status.data?.nextYear ?? dayjs().year() + 1, holidays: [{ name: '', start: null, end: null }], makeupWorkdays: [] }}
      >
        <Form.Item label={t('calendar.year')} name="year" rules={[required]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
        </Form.Item>

        <Typography.Title level={4} style={{ fontSize: 14 }}>
          {t('calendar.holidays')}
        </Typography.Title>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }, index) => (
                <Row key={key} gutter={8} align="bottom" wrap>
                  <Col xs={24} sm={8}>
                    <Form.Item label={`${t('calendar.holidayName')} ${index + 1}`} name={[name, 'name']} rules={[{ ...required, whitespace: true }, { max: 40 }]}>
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={11} sm={7}>
                    <Form.Item label={t('calendar.start')} name={[name, 'start']} rules={[required]}>
                      <DatePicker style={{ width: '100%' }} disabledDate={inYear} defaultPickerValue={dayjs(`${year}-01-01`)} />
                    </Form.Item>
                  </Col>
                  <Col xs={11} sm={7}>
                    <Form.Item
                      label={t('calendar.end')}
                      name={[name, 'end']}
                      dependencies={[['holidays', name, 'start']]}
                      rules={[
                        required,
                        ({ getFieldValue }) => ({
                          validator: (_, value: Dayjs | null) => {
                            const start: Dayjs | null = getFieldValue(['holidays', name, 'start']);
                            return !value || !start || !value.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(t('calendar.rangeReversed')));
                          },
                        }),
                      ]}
                    >
                      <DatePicker style={{ width: '100%' }} disabledDate={inYear} defaultPickerValue={dayjs(`${year}-01-01`)} />
                    </Form.Item>
                  </Col>
                  <Col xs={2} sm={2}>
                    <Form.Item>
                      <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={`${t('common.remove')} ${index + 1}`} onClick={() => remove(name)} disabled={fields.length <= 1} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', start: null, end: null })}>
                  {t('calendar.addHoliday')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>

        <Typography.Title level={4} style={{ fontSize: 14 }}>
          {t('calendar.makeupWorkdays')}
        </Typography.Title>
        <Form.List name="makeupWorkdays">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }, index) => (
                <Row key={key} gutter={8} align="bottom" wrap>
                  <Col xs={11} sm={8}>
                    <Form.Item label={`${t('calendar.date')} ${index + 1}`} name={[name, 'date']} rules={[required]}>
                      <DatePicker style={{ width: '100%' }} disabledDate={inYear} defaultPickerValue={dayjs(`${year}-01-01`)} />
                    </Form.Item>
                  </Col>
                  <Col xs={11} sm={14}>
                    <Form.Item label={t('calendar.makeupName')} name={[name, 'name']} rules={[{ ...required, whitespace: true }, { max: 40 }]}>
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={2} sm={2}>
                    <Form.Item>
                      <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={`${t('common.remove')} ${index + 1}`} onClick={() => remove(name)} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ date: null, name: '' })}>
                  {t('calendar.addMakeup')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>

        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('calendar.importSubmit', { year })}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

export default function CalendarPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canManage = can('calendar.manage');
  const [params, setParams] = useSearchParams();
  const requested = params.get('month');
  const month = requested && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : dayjs().format('YYYY-MM');

  return (
    <PageContainer title={t('calendar.title')}>
      {!canManage ? <Alert type="info" showIcon title={t('calendar.readOnlyHint')} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={sectionTitle(t('calendar.month'))}>
            <MonthGrid month={month} onMonthChange={(m) => setParams({ month: m }, { replace: true })} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <OfficialYearsCard />
            <CompanyDaysCard canManage={canManage} />
          </Flex>
        </Col>
        {canManage ? (
          <Col xs={24}>
            <OfficialScheduleCard />
          </Col>
        ) : null}
      </Row>
    </PageContainer>
  );
}
