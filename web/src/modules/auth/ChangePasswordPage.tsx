import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import type { FromState } from '../../app/RequireAuth';
import { useDescribeError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { useChangePassword, useCurrentUser } from './hooks';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const user = useCurrentUser();
  const change = useChangePassword();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const state = (useLocation().state ?? null) as FromState | null;
  const wasForced = user.mustChangePassword;

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          form.resetFields();
          if (wasForced) {
            const from = state?.from;
            navigate(from && from.pathname !== '/account/password' ? `${from.pathname}${from.search ?? ''}` : '/', { replace: true });
          }
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(describe(err));
        },
      },
    );
  };

  return (
    <PageContainer title={t('password.title')}>
      <Card style={{ maxWidth: 480 }}>
        {wasForced ? <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} name="changePassword" layout="vertical" onFinish={onFinish} disabled={change.isPending}>
          <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item label={t('password.new')} name="newPassword" rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('password.confirm')}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('errors.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
