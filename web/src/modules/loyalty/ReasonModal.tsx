import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../api/client';
import { useNotifyError } from '../../components/errors';

/** One required reason: the churn reason or the reason of a loss (the server answers 422 on `reason` when blank). */
export function ReasonModal(props: { title: string; label: string; open: boolean; pending: boolean; onClose: () => void; onSave: (reason: string, onError: (err: unknown) => void) => void; name: string }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open={props.open} title={props.title} okText={t('common.save')} confirmLoading={props.pending} onCancel={props.onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        name={props.name}
        layout="vertical"
        onFinish={(v) =>
          props.onSave(v.reason ?? '', (err) => {
            if (!applyFieldErrors(form, err)) notifyError(err);
          })
        }
      >
        <Form.Item name="reason" label={props.label}>
          <Input.TextArea autoFocus rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
