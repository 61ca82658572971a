import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { ProjectSummary } from '../../api/contract/projects';
import { CustomerPicker } from '../../components/CustomerPicker';
import { FormModal } from '../../components/FormModal';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { StaffMultiSelect } from '../maintenance/pickers';
import { useProjectMutation, useProjects } from './hooks';
import { STATUS_COLOR, STATUSES, useSaveError } from './labels';

/** 合作项目 list (docs/regulations.md §15): the projects the user leads, works on, or whose team they oversee. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useProjects({ q: q || undefined, status, page, pageSize: 20 });
  return (
    <PageContainer
      title={t('projects.title')}
      extra={
        can('projects.manage') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('projects.create')}
          </Button>
        ) : undefined
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('projects.search')} placeholder={t('projects.search')} allowClear onSearch={(v) => (setQ(v.trim()), setPage(1))} style={{ width: 280 }} />
        <Select
          aria-label={t('projects.fields.status')}
          placeholder={t('projects.fields.status')}
          allowClear
          style={{ width: 140 }}
          value={status}
          onChange={(v) => (setStatus(v), setPage(1))}
          options={STATUSES.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))}
        />
      </Space>
      {list.isError ? <LoadError error={list.error} onRetry={() => list.refetch()} /> : null}
      <Table<ProjectSummary>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('projects.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { key: 'title', title: t('projects.fields.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/projects/${r.id}`}>{v}</Link> },
          { key: 'customer', title: t('projects.fields.customer'), dataIndex: 'customerName' },
          { key: 'status', title: t('projects.fields.status'), dataIndex: 'status', width: 100, render: (v: string) => <Tag color={STATUS_COLOR[v]}>{t(`projects.statuses.${v}`)}</Tag> },
          { key: 'lead', title: t('projects.fields.lead'), dataIndex: 'leadName', width: 110 },
          { key: 'planVersion', title: t('projects.fields.planVersion'), dataIndex: 'planVersion', width: 90, align: 'right' },
          { key: 'createdAt', title: t('projects.fields.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
        ]}
      />
      {creating ? <CreateProjectModal onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}

type CreateValues = { customerId: number; title: string; goals: string; memberIds?: number[]; contactName?: string; contactPosition?: string };

function CreateProjectModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const { error, onError } = useSaveError();
  const create = useProjectMutation((v: CreateValues) =>
    api.post('/api/projects', {
      customerId: v.customerId,
      title: v.title,
      goals: v.goals,
      members: (v.memberIds ?? []).map((userId) => ({ userId, role: t('projects.defaultMemberRole') })),
      contacts: v.contactName ? [{ name: v.contactName, position: v.contactPosition || null, role: t('projects.defaultContactRole') }] : [],
    }),
  );
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal<CreateValues>
      name="project-create"
      title={t('projects.create')}
      open
      form={form}
      error={error}
      loading={create.isPending}
      onCancel={onClose}
      onFinish={(v) => create.mutate(v, { onSuccess: (p) => navigate(`/projects/${'project' in p ? p.project.id : p.id}`), onError: (err) => onError(form, err) })}
    >
      <Form.Item name="customerId" label={t('projects.fields.customer')} rules={required}>
        <CustomerPicker />
      </Form.Item>
      <Form.Item name="title" label={t('projects.fields.title')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="goals" label={t('projects.fields.goals')} rules={required}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="memberIds" label={t('projects.fields.members')}>
        <StaffMultiSelect />
      </Form.Item>
      <Space>
        <Form.Item name="contactName" label={t('projects.fields.contactName')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="contactPosition" label={t('projects.fields.contactPosition')}>
          <Input maxLength={60} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
