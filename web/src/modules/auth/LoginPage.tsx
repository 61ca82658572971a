import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { CHANGE_PASSWORD_PATH, type FromState } from '../../app/RequireAuth';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useDescribeError } from '../../components/errors';
import { applyLanguage, isLang } from '../../i18n';
import { useLogin, useSession } from './hooks';

interface LoginValues {
  username: string;
  password: string;
}

function target(state: FromState | null): string {
  const from = state?.from;
  if (!from || from.pathname === '/login') return '/';
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const location = useLocation();
  const navigate = useNavigate();
  const state = (location.state ?? null) as FromState | null;
  const { data: user } = useSession();
  const login = useLogin();
  const describe = useDescribeError();

  useEffect(() => {
    document.title = `${t('login.title')} - ${t('app.name')}`;
  }, [t]);

  // Already signed in (e.g. the user pressed Back): nothing to do here.
  if (user && !login.isPending && !login.isSuccess) {
    return <Navigate to={user.mustChangePassword ? CHANGE_PASSWORD_PATH : target(state)} replace />;
  }

  const onFinish = (values: LoginValues) => {
    login.mutate(values, {
      onSuccess: async ({ user: signedIn }) => {
        if (isLang(signedIn.locale)) await applyLanguage(signedIn.locale);
        if (signedIn.mustChangePassword) navigate(CHANGE_PASSWORD_PATH, { replace: true, state: { from: state?.from } satisfies FromState });
        else navigate(target(state), { replace: true });
      },
      onError: () => {
        // Keep the username, clear the password and put the cursor back there for the next try.
        form.setFieldValue('password', '');
        (form.getFieldInstance('password') as { focus?: () => void } | undefined)?.focus?.();
      },
    });
  };

  const error = login.error;
  const showExpired = !error && state?.expired;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, boxSizing: 'border-box' }}>
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {t('login.title')}
          </Typography.Title>
        </Flex>
        {error ? (
          <Alert
            type={error instanceof ApiError && (error.status === 423 || error.status === 429) ? 'warning' : 'error'}
            title={describe(error)}
            showIcon
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {showExpired ? <Alert type="info" title={t('login.expired')} showIcon style={{ marginBottom: 16 }} /> : null}
        <Form form={form} name="login" layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending} autoComplete="on">
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
