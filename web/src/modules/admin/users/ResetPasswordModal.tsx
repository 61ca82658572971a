import { App, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../../api/client';
import type { UserRecord } from '../../../api/contract/platform';
import { useDescribeError } from '../../../components/errors';
import { useLastDefined } from '../../../components/useLastDefined';
import { FormModal } from '../../../components/FormModal';
import { useResetPassword } from './hooks';

interface Values {
  password: string;
  mustChange: boolean;
}

export function ResetPasswordModal({ user: target, onClose }: { user: UserRecord | null; onClose: () => void }) {
  const user = useLastDefined(target);
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const reset = useResetPassword();
  const describe = useDescribeError();

  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <FormModal<Values>
      name="resetPassword"
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      open={!!target}
      form={form}
      onCancel={close}
      loading={reset.isPending}
      error={error}
      initialValues={{ mustChange: true }}
      onFinish={(v) => {
        if (!user) return;
        setError(null);
        reset.mutate(
          { id: user.id, password: v.password, mustChange: v.mustChange },
          {
            onSuccess: () => {
              void message.success(t('users.passwordReset'));
              close();
            },
            onError: (err) => {
              if (!applyFieldErrors(form, err, { newPassword: 'password' })) setError(describe(err));
            },
          },
        );
      }}
    >
      <Form.Item label={t('users.newPassword')} name="password" rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
      <Form.Item name="mustChange" valuePropName="checked">
        <Checkbox>{t('users.mustChange')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
