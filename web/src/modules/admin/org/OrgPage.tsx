import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Switch, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors } from '../../../api/client';
import type { Department, Team } from '../../../api/contract/platform';
import { useDescribeError } from '../../../components/errors';
import { FormModal } from '../../../components/FormModal';
import { useLastDefined } from '../../../components/useLastDefined';
import { PageContainer } from '../../../components/PageContainer';
import { LoadError } from '../../../components/status';
import { useUserOptions } from '../users/hooks';
import { type DepartmentInput, type TeamInput, useDepartments, useSaveDepartment, useSaveTeam, useTeams } from './hooks';

function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <Tag color={active ? 'green' : 'default'}>{active ? t('common.active') : t('common.inactive')}</Tag>;
}

/** Shared save handling: stale version → toast and close; field errors inline; anything else above the form. */
function useSaveErrors(onStale: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  const handle = (form: Parameters<typeof applyFieldErrors>[0]) => (err: unknown) => {
    if (err instanceof ApiError && err.isStaleVersion) {
      void message.error(t('errors.stale'));
      onStale();
    } else if (!applyFieldErrors(form, err)) setError(describe(err));
  };
  return { error, setError, handle };
}

function DepartmentModal({ target, onClose }: { target: { dept: Department | null } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentInput>();
  const save = useSaveDepartment();
  const { error, setError, handle } = useSaveErrors(onClose);
  const dept = useLastDefined(target)?.dept ?? null;

  return (
    <FormModal<DepartmentInput>
      name="department"
      title={dept ? t('org.editDepartment', { name: dept.name }) : t('org.newDepartment')}
      open={!!target}
      form={form}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      loading={save.isPending}
      error={error}
      initialValues={dept ? { name: dept.name, code: dept.code ?? '', sortOrder: dept.sortOrder, active: dept.active, headId: dept.headId } : { sortOrder: 0, active: true, headId: null }}
      onFinish={(v) => {
        setError(null);
        save.mutate(
          {
            ...(dept ? { id: dept.id, version: dept.version, active: v.active } : {}),
            name: v.name.trim(),
            code: v.code?.trim() || null,
            sortOrder: v.sortOrder ?? 0,
            headId: v.headId ?? null,
          },
          {
            onSuccess: () => {
              void message.success(t('common.saved'));
              onClose();
            },
            onError: handle(form),
          },
        );
      }}
    >
      <Form.Item label={t('org.name')} name="name" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item label={t('org.code')} name="code">
        <Input />
      </Form.Item>
      <Form.Item label={t('org.sortOrder')} name="sortOrder">
        <InputNumber precision={0} min={0} max={9999} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('org.head')} name="headId">
        <SupervisorSelect initialLabel={dept?.headName} />
      </Form.Item>
      {dept ? (
        <Form.Item label={t('org.active')} name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

function SupervisorSelect({ value, onChange, id, initialLabel }: { value?: number | null; onChange?: (v: number | null) => void; id?: string; initialLabel?: string | null }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useUserOptions(q);
  const options = (users.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: t('common.withNote', { text: u.displayName, note: u.username }) }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={t('org.noSupervisor')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={users.isFetching}
      options={options}
    />
  );
}

function TeamModal({ target, onClose }: { target: { team: Team | null } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamInput>();
  const departments = useDepartments();
  const save = useSaveTeam();
  const { error, setError, handle } = useSaveErrors(onClose);
  const team = useLastDefined(target)?.team ?? null;

  return (
    <FormModal<TeamInput>
      name="team"
      title={team ? t('org.editTeam', { name: team.name }) : t('org.newTeam')}
      open={!!target}
      form={form}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      loading={save.isPending}
      error={error}
      initialValues={
        team ? { name: team.name, departmentId: team.departmentId, supervisorId: team.supervisorId, active: team.active } : { active: true, supervisorId: null }
      }
      onFinish={(v) => {
        setError(null);
        save.mutate(
          { ...(team ? { id: team.id, version: team.version } : {}), name: v.name.trim(), departmentId: v.departmentId, supervisorId: v.supervisorId ?? null, ...(team ? { active: v.active } : {}) },
          {
            onSuccess: () => {
              void message.success(t('common.saved'));
              onClose();
            },
            onError: handle(form),
          },
        );
      }}
    >
      <Form.Item label={t('org.name')} name="name" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item label={t('org.department')} name="departmentId" rules={[{ required: true, message: t('common.required') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name, disabled: !d.active && d.id !== team?.departmentId }))}
        />
      </Form.Item>
      <Form.Item label={t('org.supervisor')} name="supervisorId">
        <SupervisorSelect initialLabel={team?.supervisorName} />
      </Form.Item>
      {team ? (
        <Form.Item label={t('org.active')} name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

export default function OrgPage() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [deptFilter, setDeptFilter] = useState<number | undefined>(undefined);
  const teams = useTeams(deptFilter);
  const [deptTarget, setDeptTarget] = useState<{ dept: Department | null } | null>(null);
  const [teamTarget, setTeamTarget] = useState<{ team: Team | null } | null>(null);

  const deptColumns: TableColumnsType<Department> = [
    { title: t('org.name'), dataIndex: 'name', width: 160 },
    { title: t('org.code'), dataIndex: 'code', width: 100, render: (v: string | null) => v || t('common.none') },
    { title: t('org.sortOrder'), dataIndex: 'sortOrder', width: 80 },
    { title: t('org.head'), dataIndex: 'headName', width: 100, render: (v: string | null) => v || t('common.none') },
    { title: t('org.status'), dataIndex: 'active', width: 80, render: (v: boolean) => <ActiveTag active={v} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, d) => (
        <Button type="link" size="small" onClick={() => setDeptTarget({ dept: d })}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  const teamColumns: TableColumnsType<Team> = [
    { title: t('org.name'), dataIndex: 'name', width: 160 },
    { title: t('org.department'), dataIndex: 'departmentName', width: 140 },
    { title: t('org.supervisor'), dataIndex: 'supervisorName', width: 120, render: (v: string | null) => v || t('common.none') },
    { title: t('org.status'), dataIndex: 'active', width: 80, render: (v: boolean) => <ActiveTag active={v} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, tm) => (
        <Button type="link" size="small" onClick={() => setTeamTarget({ team: tm })}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer title={t('org.title')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card
            title={t('org.departments')}
            extra={
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setDeptTarget({ dept: null })}>
                {t('org.newDepartment')}
              </Button>
            }
          >
            {departments.isError ? (
              <LoadError error={departments.error} onRetry={() => void departments.refetch()} />
            ) : (
              <Table<Department>
                rowKey="id"
                size="small"
                columns={deptColumns}
                dataSource={departments.data ?? []}
                loading={departments.isFetching}
                pagination={false}
                scroll={{ x: 600 }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title={t('org.teams')}
            extra={
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setTeamTarget({ team: null })}>
                {t('org.newTeam')}
              </Button>
            }
          >
            <Form layout="inline" style={{ marginBottom: 12 }}>
              <Form.Item label={t('org.filterDepartment')} htmlFor="team-dept-filter">
                <Select
                  id="team-dept-filter"
                  allowClear
                  placeholder={t('common.all')}
                  style={{ width: 180 }}
                  value={deptFilter}
                  onChange={(v) => setDeptFilter(v ?? undefined)}
                  options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
            </Form>
            {teams.isError ? (
              <LoadError error={teams.error} onRetry={() => void teams.refetch()} />
            ) : (
              <Table<Team>
                rowKey="id"
                size="small"
                columns={teamColumns}
                dataSource={teams.data ?? []}
                loading={teams.isFetching}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 580 }}
              />
            )}
          </Card>
        </Col>
      </Row>
      <DepartmentModal target={deptTarget} onClose={() => setDeptTarget(null)} />
      <TeamModal target={teamTarget} onClose={() => setTeamTarget(null)} />
    </PageContainer>
  );
}
