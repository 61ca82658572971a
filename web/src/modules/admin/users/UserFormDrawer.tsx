import { Alert, App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors } from '../../../api/client';
import type { RoleId, UserRecord } from '../../../api/contract/platform';
import { useIsMobile } from '../../../app/useIsMobile';
import { useDescribeError } from '../../../components/errors';
import { useDepartments, useTeams } from '../org/hooks';
import { useCreateUser, useRoles, useUpdateUser } from './hooks';
import { roleLabel } from './labels';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  departmentId?: number | null;
  teamId?: number | null;
  email?: string;
  phone?: string;
  roles?: RoleId[];
}

interface Props {
  open: boolean;
  /** null: create a new user. */
  user: UserRecord | null;
  onClose: () => void;
}

const blank = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);

export function UserFormDrawer({ open, user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const describe = useDescribeError();
  const create = useCreateUser();
  const update = useUpdateUser();
  const departments = useDepartments();
  const departmentId = Form.useWatch('departmentId', form);
  const teams = useTeams(departmentId, open && !!departmentId);
  const roles = useRoles();
  const editing = !!user;
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            username: user.username,
            displayName: user.displayName,
            departmentId: user.departmentId ?? undefined,
            teamId: user.teamId ?? undefined,
            email: user.email ?? '',
            phone: user.phone ?? '',
          }
        : { roles: [] },
    );
  }, [open, user, form]);

  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.isStaleVersion) {
      void message.error(t('errors.stale'));
      onClose();
      return;
    }
    const placed = applyFieldErrors(form, err);
    setFormError(placed ? null : describe(err));
  };

  const onFinish = (v: Values) => {
    setFormError(null);
    if (user) {
      const body = {
        id: user.id,
        version: user.version,
        displayName: v.displayName.trim(),
        departmentId: v.departmentId ?? null,
        teamId: v.teamId ?? null,
        email: blank(v.email),
        // The list shows the phone masked: send it only when it was actually changed.
        ...(v.phone !== (user.phone ?? '') ? { phone: blank(v.phone) } : {}),
      };
      update.mutate(body, {
        onSuccess: () => {
          void message.success(t('users.updated'));
          onClose();
        },
        onError,
      });
    } else {
      create.mutate(
        {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password ?? '',
          departmentId: v.departmentId ?? null,
          teamId: v.teamId ?? null,
          email: blank(v.email),
          phone: blank(v.phone),
          roles: v.roles ?? [],
        },
        {
          onSuccess: () => {
            void message.success(t('users.created'));
            onClose();
          },
          onError,
        },
      );
    }
  };

  const required = { required: true, whitespace: true, message: t('common.required') };

  return (
    <Drawer
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      open={open}
      onClose={onClose}
      size={isMobile ? '100%' : 520}
      destroyOnHidden
      // The drawer takes focus when it opens; hand it to the first field the user will type in.
      afterOpenChange={(visible) => {
        if (visible) (form.getFieldInstance(editing ? 'displayName' : 'username') as { focus?: () => void } | undefined)?.focus?.();
      }}
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name="user" layout="vertical" onFinish={onFinish} disabled={saving}>
        <Form.Item label={t('users.username')} name="username" rules={editing ? [] : [required]}>
          <Input autoComplete="off" disabled={editing} />
        </Form.Item>
        <Form.Item label={t('users.displayName')} name="displayName" rules={[required]}>
          <Input autoComplete="off" />
        </Form.Item>
        {editing ? null : (
          <Form.Item label={t('users.initialPassword')} name="password" rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item label={t('users.department')} name="departmentId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name, disabled: !d.active }))}
            onChange={() => form.setFieldValue('teamId', undefined)}
          />
        </Form.Item>
        <Form.Item label={t('users.team')} name="teamId" extra={departmentId ? undefined : t('users.selectDepartmentFirst')}>
          <Select
            allowClear
            disabled={!departmentId}
            loading={teams.isFetching}
            options={(departmentId ? (teams.data ?? []) : []).map((tm) => ({ value: tm.id, label: tm.name, disabled: !tm.active }))}
          />
        </Form.Item>
        <Form.Item label={t('users.email')} name="email" rules={[{ type: 'email', message: t('errors.email') }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('users.phone')} name="phone" extra={editing && user?.phone ? t('users.phoneMasked') : undefined}>
          <Input type="tel" autoComplete="off" />
        </Form.Item>
        {editing ? null : (
          <Form.Item label={t('users.roles')} name="roles" rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
            <Select mode="multiple" options={(roles.data ?? []).map((r) => ({ value: r, label: roleLabel(t, r) }))} />
          </Form.Item>
        )}
        <Flex gap={8} justify="end">
          <Button onClick={onClose} disabled={false}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
