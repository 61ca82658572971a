import { StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../api/client';
import { useDescribeError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { useCan } from '../auth/hooks';
import { type EndCooperationSource, useEndCooperation, useRequestEndCooperation } from './hooks';

const STATUS_COLOR = { pending: 'processing', returned: 'warning', approved: 'error', rejected: 'default', withdrawn: 'default' } as const;

/**
 * 申请终止合作 on an evaluation recommending 终止关系 or a high risk (docs/regulations.md §4, §5): the button while
 * none is in approval, then the request with its approval (steps, history, the approver's actions).
 */
export function EndCooperationPanel({ source, id, eligible }: { source: EndCooperationSource; id: number; eligible: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const latest = useEndCooperation(source, id, can('evaluations.read'));
  const save = useRequestEndCooperation(source, id);
  const describe = useDescribeError();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const r = latest.data?.request ?? null;
  const mayRequest = eligible && can('evaluations.write') && (!r || r.status === 'returned' || r.status === 'withdrawn' || r.status === 'rejected');
  if (!r && !mayRequest) return null;
  return (
    <Card
      title={t('evaluations.end.title')}
      style={{ marginTop: 16 }}
      extra={
        mayRequest ? (
          <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setOpen(true)}>
            {t(r ? 'evaluations.end.again' : 'evaluations.end.request')}
          </Button>
        ) : null
      }
    >
      {r ? (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'status', label: t('evaluations.end.status'), children: <Tag color={STATUS_COLOR[r.status]}>{t(`evaluations.end.statuses.${r.status}`)}</Tag> },
              { key: 'applicant', label: t('evaluations.end.applicant'), children: r.applicantName ?? '' },
              { key: 'at', label: t('evaluations.end.at'), children: formatDateTime(r.createdAt) },
              { key: 'reason', label: t('evaluations.end.reason'), span: 3, children: r.reason },
            ]}
          />
          <ApprovalPanel documentType="end_cooperation" documentId={r.id} />
        </Flex>
      ) : (
        <Alert type="info" showIcon title={t('evaluations.end.hint')} />
      )}
      <Modal
        title={t('evaluations.end.request')}
        open={open}
        okText={t('evaluations.end.submit')}
        okButtonProps={{ danger: true, loading: save.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Form
          form={form}
          name="end-cooperation"
          layout="vertical"
          onFinish={(v) => {
            setError(null);
            save.mutate(v, {
              onSuccess: () => {
                form.resetFields();
                setOpen(false);
              },
              onError: (err) => {
                if (!applyFieldErrors(form, err)) setError(describe(err));
              },
            });
          }}
        >
          <Form.Item name="reason" label={t('evaluations.end.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]} extra={t('evaluations.end.chainHint')}>
            <Input.TextArea rows={3} maxLength={2000} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
