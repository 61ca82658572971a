import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleId, UserRecord } from '../../../api/contract/platform';
import { useIsMobile } from '../../../app/useIsMobile';
import { useNotifyError } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { type ListColumn, ListPage, useListState } from '../../../components/ListPage';
import { PageContainer } from '../../../components/PageContainer';
import { useDepartments } from '../org/hooks';
import { useRoles, useUserAction, useUsers } from './hooks';
import { STATUS_COLOR, roleLabel, statusLabel, userStatus } from './labels';
import { ResetPasswordModal } from './ResetPasswordModal';
import { RolesModal } from './RolesModal';
import { UserFormDrawer } from './UserFormDrawer';

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const notifyError = useNotifyError();
  const departments = useDepartments();
  const roles = useRoles();
  // Selects apply at once; the search box applies on Enter / the search button.
  const list = useListState([
    { name: 'q', kind: 'text', label: t('users.searchLabel'), placeholder: t('users.searchPlaceholder'), width: 280, search: t('common.search') },
    { name: 'departmentId', kind: 'number', label: t('users.department'), width: 160, searchable: true, options: (departments.data ?? []).map((d) => ({ value: d.id, label: d.name })) },
    { name: 'role', kind: 'select', label: t('users.role'), width: 160, options: (roles.data ?? []).map((r) => ({ value: r, label: roleLabel(t, r) })) },
    {
      name: 'active',
      kind: 'select',
      allowed: ['all', 'active', 'inactive'],
      defaultValue: 'all',
      required: true,
      label: t('users.status'),
      width: 110,
      options: [
        { value: 'all', label: t('common.all') },
        { value: 'active', label: t('users.statusActive') },
        { value: 'inactive', label: t('users.statusInactive') },
      ],
    },
  ]);
  const f = list.state.filters;
  const users = useUsers({
    q: f.q,
    departmentId: f.departmentId ? Number(f.departmentId) : undefined,
    role: f.role as RoleId | undefined,
    active: f.active === 'all' ? undefined : f.active === 'active',
    page: list.state.page,
    pageSize: list.state.pageSize,
  });
  const action = useUserAction();
  const [editing, setEditing] = useState<{ open: boolean; user: UserRecord | null }>({ open: false, user: null });
  const [resetting, setResetting] = useState<UserRecord | null>(null);
  const [roleEditing, setRoleEditing] = useState<UserRecord | null>(null);

  const runAction = (user: UserRecord, kind: 'deactivate' | 'activate' | 'unlock') =>
    action.mutateAsync(
      { id: user.id, action: kind, version: user.version },
      {
        onSuccess: () => void message.success(t(kind === 'deactivate' ? 'users.deactivated' : kind === 'activate' ? 'users.activated' : 'users.unlocked')),
        onError: notifyError,
      },
    ).catch(() => undefined);

  const columns: ListColumn<UserRecord>[] = [
    { key: 'username', title: t('users.username'), dataIndex: 'username', width: 130, fixed: isMobile ? undefined : 'left' },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    { key: 'departmentName', title: t('users.department'), dataIndex: 'departmentName', width: 140, render: (v: string | null) => v ?? t('common.none') },
    { key: 'teamName', title: t('users.team'), dataIndex: 'teamName', width: 140, render: (v: string | null) => v ?? t('common.none') },
    {
      key: 'roles',
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
      key: 'lastLogin',
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
      <ListPage<UserRecord> list={list} formName="userFilters" query={users} columns={columns} tableProps={{ scroll: { x: 1320 } }} />
      <UserFormDrawer open={editing.open} user={editing.user} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <RolesModal user={roleEditing} onClose={() => setRoleEditing(null)} />
    </PageContainer>
  );
}
