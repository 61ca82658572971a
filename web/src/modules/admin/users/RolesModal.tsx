import { App, Checkbox, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors } from '../../../api/client';
import type { RoleId, UserRecord } from '../../../api/contract/platform';
import { useDescribeError } from '../../../components/errors';
import { useLastDefined } from '../../../components/useLastDefined';
import { FormModal } from '../../../components/FormModal';
import { useRoles, useSetRoles } from './hooks';
import { roleLabel } from './labels';

interface Values {
  roles: RoleId[];
}

export function RolesModal({ user: target, onClose }: { user: UserRecord | null; onClose: () => void }) {
  const user = useLastDefined(target);
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const roles = useRoles();
  const setRoles = useSetRoles();
  const describe = useDescribeError();

  useEffect(() => {
    if (target) setError(null);
  }, [target]);

  return (
    <FormModal<Values>
      name="userRoles"
      title={user ? t('users.rolesTitle', { name: user.displayName }) : ''}
      open={!!target}
      form={form}
      onCancel={onClose}
      loading={setRoles.isPending}
      error={error}
      initialValues={{ roles: user?.roles ?? [] }}
      onFinish={(v) => {
        if (!user) return;
        setRoles.mutate(
          { id: user.id, roles: v.roles, version: user.version },
          {
            onSuccess: () => {
              void message.success(t('users.rolesUpdated'));
              onClose();
            },
            onError: (err) => {
              if (err instanceof ApiError && err.isStaleVersion) {
                void message.error(t('errors.stale'));
                onClose();
              } else if (!applyFieldErrors(form, err)) setError(describe(err));
            },
          },
        );
      }}
    >
      <Form.Item label={t('users.roles')} name="roles" rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
        <Checkbox.Group
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 8 }}
          options={(roles.data ?? []).map((r) => ({ value: r, label: roleLabel(t, r) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
