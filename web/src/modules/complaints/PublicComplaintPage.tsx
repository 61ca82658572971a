import { Alert, Button, Card, Descriptions, Flex, Form, Input, Radio, Rate, Result, Select, Steps, Tabs, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useDescribeError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { usePublicConfirm, usePublicFile, usePublicLookup, usePublicOptions } from './hooks';
import type { PublicComplaint } from '../../api/contract/complaints';

const STEPS: PublicComplaint['status'][] = ['received', 'processing', 'replied', 'closed'];

/** A 404 here means "no complaint with this number and phone": say so plainly; everything else as the server says. */
function usePublicError() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  return (err: unknown) => (err instanceof ApiError && err.status === 404 ? t('complaints.public.notFound') : describe(err));
}

interface FileValues {
  name: string;
  phone: string;
  company?: string;
  email?: string;
  category: string;
  content: string;
}

function FileForm({ onFiled }: { onFiled: (c: PublicComplaint, phone: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FileValues>();
  const options = usePublicOptions();
  const file = usePublicFile();
  const describe = usePublicError();
  const [error, setError] = useState<string | null>(null);
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <Form<FileValues>
      form={form}
      name="publicComplaint"
      layout="vertical"
      disabled={file.isPending}
      onFinish={(v) => {
        setError(null);
        file.mutate(
          { name: v.name.trim(), phone: v.phone.trim(), company: v.company?.trim() || null, email: v.email?.trim() || null, category: v.category, content: v.content.trim() },
          {
            onSuccess: (c) => onFiled(c, v.phone.trim()),
            onError: (err) => {
              if (!applyFieldErrors(form, err)) setError(describe(err));
            },
          },
        );
      }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="name" label={t('complaints.public.name')} rules={required}>
        <Input maxLength={50} autoComplete="name" autoFocus />
      </Form.Item>
      <Form.Item name="phone" label={t('complaints.public.phone')} rules={required} extra={t('complaints.public.phoneHint')}>
        <Input maxLength={40} inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="company" label={t('complaints.public.company')}>
        <Input maxLength={100} autoComplete="organization" />
      </Form.Item>
      <Form.Item name="email" label={t('complaints.public.email')}>
        <Input maxLength={100} inputMode="email" autoComplete="email" />
      </Form.Item>
      <Form.Item name="category" label={t('complaints.public.category')} rules={[{ required: true, message: t('common.required') }]}>
        <Select showSearch loading={options.isPending} options={(options.data?.categories ?? []).map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item name="content" label={t('complaints.public.content')} rules={[...required, { min: 10, message: t('complaints.public.contentMin') }]}>
        <Input.TextArea rows={6} maxLength={2000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={file.isPending}>
        {t('complaints.public.submit')}
      </Button>
    </Form>
  );
}

function Progress({ complaint, phone, onChange }: { complaint: PublicComplaint; phone: string; onChange: (c: PublicComplaint) => void }) {
  const { t } = useTranslation();
  const confirm = usePublicConfirm();
  const describe = usePublicError();
  const [form] = Form.useForm<{ satisfied: boolean; score?: number; comment?: string }>();
  const satisfied = Form.useWatch('satisfied', form);
  const [error, setError] = useState<string | null>(null);
  const current = STEPS.indexOf(complaint.status);
  return (
    <Flex vertical gap={16}>
      <Steps size="small" current={current} items={STEPS.map((s) => ({ title: t(`complaints.public.status.${s}`) }))} />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('complaints.public.number')}>{complaint.complaintNo}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.public.receivedAt')}>{formatDateTime(complaint.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.public.statusLabel')}>{t(`complaints.public.status.${complaint.status}`)}</Descriptions.Item>
        {complaint.resolutionDue ? <Descriptions.Item label={t('complaints.public.due')}>{complaint.resolutionDue}</Descriptions.Item> : null}
        <Descriptions.Item label={t('complaints.public.category')}>{complaint.category}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.public.content')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{complaint.content}</span>
        </Descriptions.Item>
        {complaint.result ? (
          <Descriptions.Item label={t('complaints.public.result')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{complaint.result}</span>
          </Descriptions.Item>
        ) : null}
        {complaint.satisfactionScore ? (
          <Descriptions.Item label={t('complaints.public.yourScore')}>
            <Rate disabled value={complaint.satisfactionScore} />
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Timeline
        items={[...complaint.events].reverse().map((e, i) => ({
          key: `${e.kind}-${i}`,
          content: (
            <span>
              {t(`complaints.public.events.${e.kind.replace(/\./g, '_')}`, { defaultValue: e.kind })}
              {e.note ? t('common.afterColon', { text: e.note }) : ''}
              <Typography.Text type="secondary"> · {formatDateTime(e.at)}</Typography.Text>
            </span>
          ),
        }))}
      />
      {complaint.awaitingMeeting ? <Alert type="info" showIcon title={t('complaints.public.awaitingMeeting')} /> : null}
      {complaint.canConfirm ? (
        <Card size="small" title={t('complaints.public.confirmTitle')}>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Form
            form={form}
            name="publicConfirm"
            layout="vertical"
            initialValues={{ satisfied: true, score: 5 }}
            disabled={confirm.isPending}
            onFinish={(v) => {
              setError(null);
              confirm.mutate(
                { number: complaint.complaintNo, phone, satisfied: v.satisfied, score: v.satisfied ? v.score : undefined, comment: v.comment?.trim() || null },
                {
                  onSuccess: onChange,
                  onError: (err) => {
                    if (!applyFieldErrors(form, err)) setError(describe(err));
                  },
                },
              );
            }}
          >
            <Form.Item name="satisfied" label={t('complaints.public.satisfiedQuestion')}>
              <Radio.Group
                options={[
                  { value: true, label: t('complaints.public.satisfiedYes') },
                  { value: false, label: t('complaints.public.satisfiedNo') },
                ]}
              />
            </Form.Item>
            {satisfied !== false ? (
              <Form.Item name="score" label={t('complaints.public.score')} rules={[{ required: true, message: t('common.required') }]} extra={t('complaints.scoreHint')}>
                <Rate count={5} />
              </Form.Item>
            ) : null}
            <Form.Item
              name="comment"
              label={satisfied === false ? t('complaints.public.reason') : t('complaints.public.comment')}
              rules={satisfied === false ? [{ required: true, whitespace: true, message: t('common.required') }] : []}
            >
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={confirm.isPending}>
              {satisfied === false ? t('complaints.public.reopen') : t('complaints.public.confirm')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </Flex>
  );
}

function LookupForm({ initial }: { initial?: { complaint: PublicComplaint; phone: string } | null }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ number: string; phone: string }>();
  const lookup = usePublicLookup();
  const describe = usePublicError();
  const [found, setFound] = useState<{ complaint: PublicComplaint; phone: string } | null>(initial ?? null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Flex vertical gap={16}>
      <Form
        form={form}
        name="publicLookup"
        layout="vertical"
        initialValues={{ number: initial?.complaint.complaintNo ?? '', phone: initial?.phone ?? '' }}
        disabled={lookup.isPending}
        onFinish={(v) => {
          setError(null);
          lookup.mutate(
            { number: v.number.trim(), phone: v.phone.trim() },
            {
              onSuccess: (c) => setFound({ complaint: c, phone: v.phone.trim() }),
              onError: (err) => {
                setFound(null);
                if (!applyFieldErrors(form, err)) setError(describe(err));
              },
            },
          );
        }}
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="number" label={t('complaints.public.number')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={30} autoComplete="off" placeholder="TS2026-000123" />
        </Form.Item>
        <Form.Item name="phone" label={t('complaints.public.phone')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={40} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={lookup.isPending}>
          {t('complaints.public.lookup')}
        </Button>
      </Form>
      {found ? <Progress complaint={found.complaint} phone={found.phone} onChange={(c) => setFound({ complaint: c, phone: found.phone })} /> : null}
    </Flex>
  );
}

/** /public/complaint — customers file a complaint and follow it, without an account (issue 5 §1). */
export default function PublicComplaintPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'lookup' ? 'lookup' : 'file';
  const [filed, setFiled] = useState<{ complaint: PublicComplaint; phone: string } | null>(null);
  useEffect(() => {
    document.title = `${t('complaints.public.title')} - ${t('app.name')}`;
  }, [t]);

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 16, boxSizing: 'border-box' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 720 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 720 }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('complaints.public.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('complaints.public.intro')}</Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'lookup' ? new URLSearchParams({ tab: 'lookup' }) : new URLSearchParams(), { replace: true })}
          items={[
            {
              key: 'file',
              label: t('complaints.public.tabFile'),
              children: filed ? (
                <Result
                  status="success"
                  title={t('complaints.public.filedTitle')}
                  subTitle={t('complaints.public.filedText', { no: filed.complaint.complaintNo, due: filed.complaint.resolutionDue ?? '' })}
                  extra={[
                    <Button key="lookup" type="primary" onClick={() => setParams(new URLSearchParams({ tab: 'lookup' }), { replace: true })}>
                      {t('complaints.public.goLookup')}
                    </Button>,
                    <Button key="again" onClick={() => setFiled(null)}>
                      {t('complaints.public.fileAnother')}
                    </Button>,
                  ]}
                />
              ) : (
                <FileForm onFiled={(complaint, phone) => setFiled({ complaint, phone })} />
              ),
            },
            { key: 'lookup', label: t('complaints.public.tabLookup'), children: <LookupForm key={filed?.complaint.complaintNo ?? 'none'} initial={filed} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
