import { Button, Modal, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DuplicateHit } from '../../api/contract/customers';
import { duplicateReasonLabel } from './labels';

/** "KH2026-000001 北京华远科技有限公司", or 其他团队的客户（无权查看） for a record the user may not see. */
export function duplicateName(t: TFunction, hit: DuplicateHit): string {
  if (!hit.visible) return t('customers.duplicateHidden');
  return [hit.archiveNo, hit.name].filter(Boolean).join(' ') || t('customers.duplicateHidden');
}

interface Props {
  /** null: closed. */
  hits: DuplicateHit[] | null;
  loading?: boolean;
  onBack: () => void;
  /** After the modal has closed without creating (focus can go back to the form then). */
  onAfterBack?: () => void;
  onConfirm: () => void;
}

/** The server suspects the new customer exists already (409 duplicate): go back, or create it anyway. */
export function DuplicatesModal({ hits, loading, onBack, onAfterBack, onConfirm }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      title={t('customers.duplicateTitle')}
      open={hits !== null}
      onCancel={onBack}
      afterClose={onAfterBack}
      destroyOnHidden
      footer={[
        <Button key="back" onClick={onBack} autoFocus>
          {t('customers.duplicateBack')}
        </Button>,
        <Button key="confirm" type="primary" danger loading={loading} onClick={onConfirm}>
          {t('customers.duplicateConfirm')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('customers.duplicateIntro')}</Typography.Paragraph>
      <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
        {(hits ?? []).map((hit, i) => (
          <li key={i} style={{ padding: '6px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
            <Tag color="orange">{duplicateReasonLabel(t, hit.reason)}</Tag>
            {!hit.visible ? (
              <Typography.Text type="secondary">{duplicateName(t, hit)}</Typography.Text>
            ) : hit.id ? (
              // A new tab: the form being filled in stays as it is.
              <Typography.Link href={`/customers/${hit.id}`} target="_blank" rel="noopener">
                {duplicateName(t, hit)}
              </Typography.Link>
            ) : (
              duplicateName(t, hit)
            )}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
