import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Skeleton, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors } from '../../../api/client';
import type { Lang, SettingItem } from '../../../api/contract/platform';
import { useIsMobile } from '../../../app/useIsMobile';
import { useDescribeError } from '../../../components/errors';
import { PageContainer } from '../../../components/PageContainer';
import { LoadError } from '../../../components/status';
import { currentLang } from '../../../i18n';
import { useCan } from '../../auth/hooks';
import { useSaveSetting, useSettings } from './hooks';

/** The server sends labels and units in all three languages: `{ 'zh-CN': …, 'zh-TW': …, en: … }`. */
function localised(text: Partial<Record<Lang, string>> | string | null | undefined, lang: Lang): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text['zh-CN'] ?? Object.values(text)[0] ?? '';
}

/**
 * A credential (robot key, token, signing secret) is write-only: the server says only whether it is set,
 * and the administrator may replace it (a blank replacement clears it) unless the environment supplies it.
 */
function SecretRow({ item, editable }: { item: SettingItem; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lang = currentLang();
  const [replacing, setReplacing] = useState(false);
  const [form] = Form.useForm<{ value: string }>();
  const save = useSaveSetting();
  const describe = useDescribeError();
  const inputId = `setting-${item.key.replace(/\W/g, '-')}`;
  const isSet = typeof item.value === 'object' && item.value !== null && 'set' in item.value && item.value.set === true;

  const onFinish = ({ value }: { value?: string }) =>
    save.mutate(
      { key: item.key, value: value ?? '', version: item.version },
      {
        onSuccess: () => {
          setReplacing(false);
          form.resetFields();
          void message.success(t('common.saved'));
        },
        onError: (err) => {
          if (err instanceof ApiError && err.isStaleVersion) {
            void message.error(t('errors.stale'));
            return;
          }
          if (!applyFieldErrors(form, err)) form.setFields([{ name: 'value', errors: [describe(err)] }]);
        },
      },
    );

  return (
    <Form form={form} name={`setting-${item.key}`} layout="vertical" onFinish={onFinish} requiredMark={false}>
      <Flex vertical gap={4} style={{ paddingBlock: 8, borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
        <Space size={8} wrap>
          <span>{localised(item.label, lang)}</span>
          {isSet ? <Tag color="green">{t('settings.secretSet')}</Tag> : <Tag>{t('settings.secretNotSet')}</Tag>}
          {item.fromEnv ? <Tag color="purple">{t('settings.fromEnv', { name: item.env })}</Tag> : null}
          {editable && !item.fromEnv && !replacing ? (
            <Button size="small" onClick={() => setReplacing(true)}>
              {t('settings.replaceSecret')}
            </Button>
          ) : null}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.env ? t('settings.secretHintEnv', { name: item.env }) : t('settings.secretHint')}
        </Typography.Text>
        {replacing ? (
          <Flex wrap gap={8} align="flex-start">
            <Form.Item name="value" htmlFor={inputId} label={t('settings.newSecret')} extra={t('settings.blankClears')} style={{ marginBottom: 0 }}>
              <Input.Password id={inputId} style={{ width: 360 }} autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 30 }}>
              {t('common.save')}
            </Button>
            <Button onClick={() => setReplacing(false)} style={{ marginTop: 30 }}>
              {t('common.cancel')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Form>
  );
}

function SettingRow({ item, editable }: { item: SettingItem; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const lang = currentLang();
  // Text settings (webhook addresses …) may be blank, which switches the feature off.
  const isText = typeof item.default === 'string';
  // Tables (the credit rating table, the risk matrix) are edited as JSON; the server checks their shape.
  const isTable = typeof item.default === 'object' && item.default !== null;
  // On / off settings are switches, saved as true / false.
  const isSwitch = typeof item.default === 'boolean';
  const shown = (v: unknown) => (isTable ? JSON.stringify(v, null, 1) : v) as boolean | number | string | null;
  const [form] = Form.useForm<{ value: boolean | number | string | null }>();
  const save = useSaveSetting();
  const describe = useDescribeError();
  const inputId = `setting-${item.key.replace(/\W/g, '-')}`;
  const label = localised(item.label, lang);
  const unit = localised(item.unit ?? null, lang);

  // After a save or a reload the server's value is the truth.
  useEffect(() => {
    form.setFieldsValue({ value: shown(item.value) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item.value, item.version, form]);

  const value = Form.useWatch('value', form);
  const dirty = value !== undefined && value !== shown(item.value);

  const onFinish = ({ value: raw }: { value: boolean | number | string | null }) => {
    let v: unknown = raw;
    if (isTable) {
      try {
        v = JSON.parse(String(raw));
      } catch {
        form.setFields([{ name: 'value', errors: [t('settings.invalidJson')] }]);
        return;
      }
    }
    if (v === null || v === undefined) {
      if (!isText) return;
      v = '';
    }
    save.mutate(
      { key: item.key, value: v, version: item.version },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (err) => {
          if (err instanceof ApiError && err.isStaleVersion) {
            void message.error(t('errors.stale'));
            return;
          }
          // The server names the field `value`; our single input is called that too.
          if (!applyFieldErrors(form, err)) form.setFields([{ name: 'value', errors: [describe(err)] }]);
        },
      },
    );
  };

  return (
    <Form form={form} name={`setting-${item.key}`} layout={isMobile || isTable ? 'vertical' : 'horizontal'} onFinish={onFinish} initialValues={{ value: shown(item.value) }} requiredMark={false}>
      <Flex wrap gap={isMobile ? 0 : 12} align="flex-start" style={{ paddingBlock: 8, borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
        <Form.Item
          name="value"
          htmlFor={inputId}
          label={
            <Space size={4}>
              <span>{label}</span>
              {item.source ? (
                <Tooltip title={t('settings.source', { source: item.source })}>
                  <InfoCircleOutlined aria-label={t('settings.source', { source: item.source })} style={{ color: 'rgba(0,0,0,0.45)' }} />
                </Tooltip>
              ) : null}
            </Space>
          }
          extra={
            <Space size={8}>
              {isTable ? null : (
                <span>{t('settings.defaultHint', { value: isSwitch ? t(item.default ? 'settings.on' : 'settings.off') : `${String(item.default)}${unit ? ` ${unit}` : ''}` })}</span>
              )}
              {item.isDefault ? <Tag>{t('settings.isDefault')}</Tag> : <Tag color="blue">{t('settings.changed')}</Tag>}
            </Space>
          }
          rules={isText || isSwitch ? [] : [{ required: true, message: t('common.required') }]}
          valuePropName={isSwitch ? 'checked' : 'value'}
          style={{ flex: '0 1 560px', marginBottom: 0 }}
          labelCol={isMobile ? undefined : { flex: '260px' }}
          labelAlign="left"
        >
          {isSwitch ? (
            <Switch id={inputId} checkedChildren={t('settings.on')} unCheckedChildren={t('settings.off')} disabled={!editable} />
          ) : isTable ? (
            <Input.TextArea id={inputId} rows={8} style={{ width: '100%', fontFamily: 'monospace', fontSize: 12 }} readOnly={!editable} />
          ) : isText ? (
            <Input id={inputId} style={{ width: 300 }} readOnly={!editable} allowClear={editable} />
          ) : (
            <InputNumber id={inputId} style={{ width: 200 }} suffix={unit || undefined} readOnly={!editable} />
          )}
        </Form.Item>
        {editable ? (
          <Button type={dirty ? 'primary' : 'default'} htmlType="submit" loading={save.isPending} disabled={!dirty} style={{ marginTop: isMobile ? 8 : 0 }}>
            {t('common.save')}
          </Button>
        ) : null}
      </Flex>
    </Form>
  );
}

export default function SettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const settings = useSettings();
  const editable = can('settings.manage');

  return (
    <PageContainer title={t('settings.title')}>
      {!editable ? <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} /> : null}
      {settings.isPending ? <Skeleton active /> : null}
      {settings.isError ? <LoadError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      <Flex vertical gap={16}>
        {(settings.data ?? []).map((g) => (
          <Card
            key={g.group}
            title={
              <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
                {t(`settings.groups.${g.group}`, { defaultValue: g.label[currentLang()] })}
              </Typography.Title>
            }
          >
            {g.items.map((item) =>
              item.secret ? <SecretRow key={item.key} item={item} editable={editable} /> : <SettingRow key={item.key} item={item} editable={editable} />,
            )}
          </Card>
        ))}
      </Flex>
    </PageContainer>
  );
}
