import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleId, UserRecord } from '../../../api/contract/platform';
import { useIsMobile } from '../../../app/useIsMobile';
import { useNotifyError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { PageContainer } from '../../../components/PageContainer';
import { LoadError } from '../../../components/status';
import { useDepartments } from '../org/hooks';
import { type UserFilters, useRoles, useUserAction, useUsers } from './hooks';
import { STATUS_COLOR, roleLabel, statusLabel, userStatus } from './labels';
import { ResetPasswordModal } from './ResetPasswordModal';
import { RolesModal } from './RolesModal';
import { UserFormDrawer } from './UserFormDrawer';

type ActiveFilter = 'all' | 'active' | 'inactive';

interface FilterValues {
  q?: string;
  departmentId?: number;
  role?: RoleId;
  active: ActiveFilter;
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const field = (w: number) => ({ width: isMobile ? '100%' : w });
  const notifyError = useNotifyError();
  const [filterForm] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<UserFilters>({ page: 1, pageSize: 20 });
  const users = useUsers(filters);
  const departments = useDepartments();
  const roles = useRoles();
  const action = useUserAction();
  const [editing, setEditing] = useState<{ open: boolean; user: UserRecord | null }>({ open: false, user: null });
  const [resetting, setResetting] = useState<UserRecord | null>(null);
  const [roleEditing, setRoleEditing] = useState<UserRecord | null>(null);

  const applyFilters = (v: FilterValues) =>
    setFilters((f) => ({
      page: 1,
      pageSize: f.pageSize,
      q: v.q?.trim() || undefined,
      departmentId: v.departmentId ?? undefined,
      role: v.role ?? undefined,
      active: v.active === 'all' ? undefined : v.active === 'active',
    }));

  const runAction = (user: UserRecord, kind: 'deactivate' | 'activate' | 'unlock') =>
    action.mutateAsync(
      { id: user.id, action: kind, version: user.version },
      {
        onSuccess: () => void message.success(t(kind === 'deactivate' ? 'users.deactivated' : kind === 'activate' ? 'users.activated' : 'users.unlocked')),
        onError: notifyError,
      },
    ).catch(() => undefined);

  const columns: TableColumnsType<UserRecord> = [
    { title: t('users.username'), dataIndex: 'username', width: 130, fixed: isMobile ? undefined : 'left' },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('users.department'), dataIndex: 'departmentName', width: 140, render: (v: string | null) => v ?? t('common.none') },
    { title: t('users.team'), dataIndex: 'teamName', width: 140, render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      width: 220,
      render: (rs: RoleId[]) => (
        <Space size={[0, 4]} wrap>
          {rs.map((r) => (
            <Tag key={r} color={r === 'admin' ? 'red' : 'blue'}>
              {roleLabel(t, r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 90,
      render: (_, u) => {
        const s = userStatus(u);
        return <Tag color={STATUS_COLOR[s]}>{statusLabel(t, s)}</Tag>;
      },
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 330,
      fixed: isMobile ? undefined : 'right',
      render: (_, u) => {
        const s = userStatus(u);
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setEditing({ open: true, user: u })}>
              {t('users.edit')}
            </Button>
            <Button type="link" size="small" onClick={() => setRoleEditing(u)}>
              {t('users.editRoles')}
            </Button>
            <Button type="link" size="small" onClick={() => setResetting(u)}>
              {t('users.resetPassword')}
            </Button>
            {s === 'locked' ? (
              <Popconfirm title={t('users.unlockConfirm', { name: u.displayName })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => runAction(u, 'unlock')}>
                <Button type="link" size="small">
                  {t('users.unlock')}
                </Button>
              </Popconfirm>
            ) : null}
            {u.active ? (
              <Popconfirm
                title={t('users.deactivateConfirm', { name: u.displayName })}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => runAction(u, 'deactivate')}
              >
                <Button type="link" size="small" danger>
                  {t('users.deactivate')}
                </Button>
              </Popconfirm>
            ) : (
              <Popconfirm title={t('users.activateConfirm', { name: u.displayName })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => runAction(u, 'activate')}>
                <Button type="link" size="small">
                  {t('users.activate')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, user: null })}>
          {t('users.create')}
        </Button>
      }
    >
      <Card size={isMobile ? 'small' : 'default'}>
        <Form<FilterValues>
          form={filterForm}
          name="userFilters"
          layout={isMobile ? 'vertical' : 'inline'}
          initialValues={{ active: 'all' }}
          onFinish={applyFilters}
          onValuesChange={(changed) => {
            // Selects apply at once; the search box applies on Enter / the search button.
            if (!('q' in changed)) applyFilters(filterForm.getFieldsValue());
          }}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item label={t('users.searchLabel')} name="q">
            <Input.Search placeholder={t('users.searchPlaceholder')} allowClear enterButton={t('common.search')} onSearch={() => filterForm.submit()} style={field(280)} />
          </Form.Item>
          <Form.Item label={t('users.department')} name="departmentId">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={field(160)}
              showSearch={{ optionFilterProp: 'label' }}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item label={t('users.role')} name="role">
            <Select allowClear placeholder={t('common.all')} style={field(160)} options={(roles.data ?? []).map((r) => ({ value: r, label: roleLabel(t, r) }))} />
          </Form.Item>
          <Form.Item label={t('users.status')} name="active">
            <Select
              style={field(110)}
              options={[
                { value: 'all', label: t('common.all') },
                { value: 'active', label: t('users.statusActive') },
                { value: 'inactive', label: t('users.statusInactive') },
              ]}
            />
          </Form.Item>
        </Form>
        {users.isError && !users.data ? (
          <LoadError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<UserRecord>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={users.data?.items ?? []}
            loading={users.isFetching}
            scroll={{ x: 1320 }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setFilters((f) => ({ ...f, page: pageSize !== f.pageSize ? 1 : page, pageSize })),
            }}
          />
        )}
      </Card>
      <UserFormDrawer open={editing.open} user={editing.user} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <RolesModal user={roleEditing} onClose={() => setRoleEditing(null)} />
    </PageContainer>
  );
}
