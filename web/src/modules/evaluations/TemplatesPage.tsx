import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { useDescribeError } from '../../components/errors';
import { LoadError } from '../../components/status';
import { useSaveTemplate, useTemplates } from './hooks';
import type { EvaluationTemplate } from './types';

interface Values {
  name: string;
  description?: string;
  indicators: { name: string; weight: number | null; basis: string }[];
}

/** /admin/evaluation-templates — scorecards 评估模板: indicators with weight and 评分依据; the weights make 100 %. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useTemplates();
  const [editing, setEditing] = useState<EvaluationTemplate | 'new' | null>(null);

  const columns: TableColumnsType<EvaluationTemplate> = [
    {
      title: t('evaluations.templates.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Flex gap={6} wrap>
          {v}
          {r.builtin ? <Tag>{t('evaluations.templates.builtin')}</Tag> : null}
          {r.used ? <Tag color="blue">{t('evaluations.templates.used')}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('evaluations.templates.version'), dataIndex: 'versionNo', width: 90, render: (n: number) => t('evaluations.templates.versionValue', { n }) },
    {
      title: t('evaluations.templates.indicators'),
      key: 'indicators',
      render: (_: unknown, r) => r.indicators.map((i) => t('common.withNote', { text: i.name, note: `${i.weight}%` })).join(t('common.listSeparator')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, r) => (
        <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(r)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('evaluations.templates.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
          {t('evaluations.templates.create')}
        </Button>
      }
    >
      {templates.isError && !templates.data ? (
        <LoadError error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <Table<EvaluationTemplate>
          rowKey="id"
          columns={columns}
          dataSource={templates.data?.items ?? []}
          loading={templates.isFetching}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('evaluations.templates.empty') }}
        />
      )}
      {editing ? <TemplateModal key={editing === 'new' ? 'new' : editing.id} template={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  );
}

function TemplateModal({ template, onClose }: { template?: EvaluationTemplate; onClose: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const save = useSaveTemplate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const indicators = Form.useWatch('indicators', form) ?? [];
  const sum = indicators.reduce((s, i) => s + (typeof i?.weight === 'number' ? i.weight : 0), 0);
  const initial: Values = template
    ? { name: template.name, description: template.description ?? undefined, indicators: template.indicators.map((i) => ({ name: i.name, weight: i.weight, basis: i.basis })) }
    : { name: '', indicators: [{ name: '', weight: null, basis: '' }] };

  const onFinish = (v: Values) => {
    setError(null);
    const body = { name: v.name.trim(), description: v.description?.trim() || null, indicators: v.indicators.map((i) => ({ name: i.name.trim(), weight: i.weight ?? 0, basis: i.basis.trim() })) };
    save.mutate(template ? { ...body, id: template.id, version: template.version } : body, {
      onSuccess: onClose,
      onError: (err) => {
        if (err instanceof ApiError && err.isStaleVersion) {
          setError(t('errors.stale'));
          return;
        }
        // The 100 % rule names the whole list: shown above the rows.
        if (!applyFieldErrors(form, err) || (err instanceof ApiError && err.fields.some((f) => f.field === 'indicators'))) setError(describe(err));
      },
    });
  };

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <FormModal<Values>
      name="evaluationTemplate"
      title={template ? t('evaluations.templates.edit') : t('evaluations.templates.create')}
      open
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      loading={save.isPending}
      error={error}
      initialValues={initial}
      width={960}
    >
      {template?.used ? <Alert type="info" showIcon title={t('evaluations.templates.usedHint')} style={{ marginBottom: 12 }} /> : null}
      <Form.Item label={t('evaluations.templates.name')} name="name" rules={required}>
        <Input maxLength={100} autoFocus autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('evaluations.templates.description')} name="description">
        <Input maxLength={500} autoComplete="off" />
      </Form.Item>
      <Form.List name="indicators">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map((f, n) => (
              <Flex key={f.key} gap={8} align="start" wrap>
                <Form.Item name={[f.name, 'name']} rules={required} style={{ flex: '1 1 160px', margin: 0 }}>
                  <Input placeholder={t('evaluations.fields.indicator')} aria-label={`${t('evaluations.fields.indicator')} ${n + 1}`} maxLength={100} autoComplete="off" />
                </Form.Item>
                <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: t('common.required') }]} style={{ width: 110, margin: 0 }}>
                  <InputNumber min={1} max={100} precision={0} suffix="%" placeholder={t('evaluations.fields.weight')} aria-label={`${t('evaluations.fields.weight')} ${n + 1}`} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[f.name, 'basis']} rules={required} style={{ flex: '2 1 240px', margin: 0 }}>
                  <Input placeholder={t('evaluations.fields.indicatorBasis')} aria-label={`${t('evaluations.fields.indicatorBasis')} ${n + 1}`} maxLength={500} autoComplete="off" />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('evaluations.templates.removeIndicator', { name: indicators[n]?.name ?? String(n + 1) })}
                  disabled={fields.length <= 1}
                  onClick={() => remove(f.name)}
                />
              </Flex>
            ))}
            <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', weight: null, basis: '' })}>
                {t('evaluations.templates.addIndicator')}
              </Button>
              <Typography.Text role="status" type={sum === 100 ? 'success' : 'danger'}>
                {sum === 100 ? t('evaluations.templates.weightSum', { sum }) : t('evaluations.templates.weightSumWrong', { sum })}
              </Typography.Text>
            </Flex>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
