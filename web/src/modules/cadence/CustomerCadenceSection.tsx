import { Button, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../api/client';
import { useNotifyError } from '../../components/errors';
import { LoadError } from '../../components/status';
import { useSession } from '../auth/hooks';
import { STATUS_COLOR } from './CompliancePage';
import { useCustomerCadence, useRefreshCadence, useSetExemption } from './hooks';

/** The value panel's cadence: last contact, due date and status; check now after a visit; the supervisor's exemption from the cap. */
export function CustomerCadenceSection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const q = useCustomerCadence(customerId);
  const refresh = useRefreshCadence(customerId);
  const exempt = useSetExemption(customerId);
  const session = useSession();
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (q.isError && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const c = d?.cadence;
  const canExempt = !!session.data?.capabilities.includes('cadence.exempt');
  return (
    <>
      {c ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'status', label: t('cadence.statusTitle'), children: <Tag color={STATUS_COLOR[c.status]}>{c.status === 'overdue' ? t('cadence.overdueDays', { count: c.overdueDays }) : t(`cadence.status.${c.status}`)}</Tag> },
            { key: 'last', label: t('cadence.lastContact'), children: c.lastContact ?? t('cadence.never') },
            { key: 'due', label: t('cadence.dueDate'), children: c.dueDate },
            { key: 'interval', label: t('cadence.interval'), children: `${t(`cadence.every.${c.interval.unit}`, { count: c.interval.every })}${c.capped ? ` ${t('cadence.capped')}` : ''}` },
            { key: 'rule', label: t('cadence.ruleTitle'), children: c.rule === 'tier' ? t('cadence.rule.tier', { tier: c.tier ?? '' }) : t(`cadence.rule.${c.rule}`) },
            ...(d?.exemption ? [{ key: 'exempt', label: t('cadence.exemption'), children: d.exemption.reason }] : []),
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('cadence.notChecked')}</Typography.Text>
      )}
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        <Button size="small" loading={refresh.isPending} onClick={() => refresh.mutate(undefined, { onError: notifyError })}>
          {t('cadence.refresh')}
        </Button>
        {canExempt && d?.exemption ? (
          <Button size="small" onClick={() => exempt.mutate(null, { onError: notifyError })}>
            {t('cadence.removeExemption')}
          </Button>
        ) : null}
        {canExempt && !d?.exemption ? (
          <Button size="small" onClick={() => setOpen(true)}>
            {t('cadence.addExemption')}
          </Button>
        ) : null}
      </Flex>
      <Modal
        open={open}
        title={t('cadence.addExemption')}
        okText={t('common.save')}
        confirmLoading={exempt.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          name="cadence-exemption"
          layout="vertical"
          onFinish={(v) =>
            exempt.mutate(v.reason, {
              onSuccess: () => setOpen(false),
              onError: (err) => {
                if (!applyFieldErrors(form, err)) notifyError(err);
              },
            })
          }
        >
          <Form.Item name="reason" label={t('cadence.reason')}>
            <Input.TextArea autoFocus rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
