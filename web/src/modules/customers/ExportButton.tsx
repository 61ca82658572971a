import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../components/download';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError } from '../../components/errors';
import { useCan } from '../auth/hooks';
import { type CustomerFilters, useExportCustomers } from './hooks';

/**
 * 导出: the list as it is filtered, sorted and searched, as .xlsx (masked). With customers.export_unmasked
 * a second choice exports the phones and bank accounts in clear, after a confirmation (it is audit-logged).
 */
export function ExportButton({ filters }: { filters: CustomerFilters }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const isMobile = useIsMobile();
  const describe = useDescribeError();
  const exporter = useExportCustomers();
  const [confirmOpen, setConfirmOpen] = useState(false);
  if (!can('customers.export')) return null;

  const run = (unmasked: boolean) =>
    exporter
      .mutateAsync({ filters, unmasked })
      .then(({ blob, filename }) => {
        const name = filename ?? t('customers.export.defaultFilename');
        saveBlob(blob, name);
        void message.success(t('customers.export.done', { filename: name }));
      })
      .catch((err: unknown) => void message.error(t('customers.export.failed', { reason: describe(err) })));

  const main = (
    <Button icon={<DownloadOutlined aria-hidden />} loading={exporter.isPending} onClick={() => void run(false)}>
      {t('customers.export.button')}
    </Button>
  );
  if (!can('customers.export_unmasked')) return main;

  return (
    <Popconfirm
      open={confirmOpen}
      // Opened only from the menu below; a click elsewhere closes it.
      onOpenChange={(open) => {
        if (!open) setConfirmOpen(false);
      }}
      // On a phone the button sits mid-screen: centred, the confirmation stays inside the screen.
      placement={isMobile ? 'bottom' : 'bottomRight'}
      title={t('customers.export.unmaskedConfirm')}
      description={t('customers.export.unmaskedLogged')}
      okText={t('customers.export.unmaskedOk')}
      cancelText={t('common.cancel')}
      onConfirm={() => {
        setConfirmOpen(false);
        void run(true);
      }}
      onCancel={() => setConfirmOpen(false)}
    >
      <span>
        <Space.Compact>
          {main}
          <Dropdown
            trigger={['click']}
            placement="bottomRight"
            disabled={exporter.isPending}
            menu={{
              items: [{ key: 'unmasked', label: t('customers.export.unmasked') }],
              onClick: () => setConfirmOpen(true),
            }}
          >
            <Button icon={<DownOutlined aria-hidden />} aria-label={t('customers.export.more')} />
          </Dropdown>
        </Space.Compact>
      </span>
    </Popconfirm>
  );
}
