import { Alert, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<V> {
  /** Form name: prefixes the inputs' ids, so labels stay unique on a page with several forms. */
  name: string;
  title: ReactNode;
  open: boolean;
  form: FormInstance<V>;
  onCancel: () => void;
  onFinish: (values: V) => void;
  loading?: boolean;
  okText?: ReactNode;
  /** A message that belongs to no single field (shown above the fields). */
  error?: string | null;
  initialValues?: Partial<V>;
  children: ReactNode;
  width?: number;
  /** A destructive action (merging …): the OK button is red. */
  danger?: boolean;
}

/**
 * A modal whose OK button is the form's submit button (modalRender puts the whole modal inside the
 * <form>), so Enter in any field submits, and Escape closes (antd default).
 */
export function FormModal<V>({ name, title, open, form, onCancel, onFinish, loading, okText, error, initialValues, children, width, danger }: Props<V>) {
  const { t } = useTranslation();
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onCancel}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading, danger }}
      destroyOnHidden
      width={width}
      modalRender={(dom) => (
        <Form<V> form={form} name={name} layout="vertical" onFinish={onFinish} initialValues={initialValues as Record<string, unknown> | undefined} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {children}
    </Modal>
  );
}
