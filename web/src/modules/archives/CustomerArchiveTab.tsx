import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveMaterial, Correspondence } from '../../api/contract/archives';
import { useDescribeError } from '../../components/errors';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { attachmentUrl } from '../customers/hooks';
import { CorrespondenceFormModal, DownloadRequestModal } from './forms';
import { useArchiveLevels, useCorrespondence, useMaterial, useSetLevel } from './hooks';

const LEVEL_COLOR = ['default', 'blue', 'orange', 'red', 'magenta', 'purple', 'volcano', 'geekblue'];

/** 档案 on the customer's page (docs/regulations.md §1, §2): each file's level, download requests, and the correspondence register. */
export function CustomerArchiveTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const levels = useArchiveLevels();
  const material = useMaterial(customerId);
  const letters = useCorrespondence(customerId);
  const setLevel = useSetLevel(customerId);
  const [filing, setFiling] = useState(false);
  const [asking, setAsking] = useState<{ id: number; filename: string } | null>(null);
  if (material.isError && !material.data) return <LoadError error={material.error} onRetry={() => void material.refetch()} />;
  const names = levels.data?.levels ?? [];
  const color = (level: string) => LEVEL_COLOR[Math.max(0, names.indexOf(level))] ?? 'default';

  const materialColumns: TableColumnsType<ArchiveMaterial> = [
    { title: t('archives.material.filename'), dataIndex: 'filename', width: 260 },
    { title: t('archives.material.createdAt'), dataIndex: 'createdAt', width: 120, render: (v: string) => v.slice(0, 10) },
    {
      title: t('archives.material.level'),
      dataIndex: 'level',
      width: 160,
      render: (v: string, m) =>
        can('archives.keep') ? (
          <Select
            size="small"
            value={v}
            aria-label={t('archives.material.levelOf', { filename: m.filename })}
            style={{ width: 120 }}
            options={names.map((n) => ({ value: n, label: n }))}
            onChange={(level) => setLevel.mutate({ attachmentId: m.attachmentId, level }, { onError: (e) => void message.error(describe(e)) })}
          />
        ) : (
          <Tag color={color(v)}>{v}</Tag>
        ),
    },
    {
      title: t('archives.material.download'),
      key: 'download',
      width: 160,
      render: (_: unknown, m) => (
        <Flex gap={8} align="center">
          <a href={attachmentUrl(customerId, m.attachmentId)} download={m.filename}>
            {t('archives.material.download')}
          </a>
          {m.needsApproval ? (
            <Button size="small" onClick={() => setAsking({ id: m.attachmentId, filename: m.filename })}>
              {t('archives.request.action')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];
  const letterColumns: TableColumnsType<Correspondence> = [
    { title: t('archives.correspondence.indexNo'), dataIndex: 'indexNo', width: 80 },
    { title: t('archives.correspondence.datedOn'), dataIndex: 'datedOn', width: 120 },
    { title: t('archives.correspondence.kind'), dataIndex: 'kind', width: 100, render: (v: string) => t(`archives.kinds.${v}`) },
    { title: t('archives.correspondence.direction'), dataIndex: 'direction', width: 80, render: (v: string) => t(`archives.directions.${v}`) },
    { title: t('archives.correspondence.subject'), dataIndex: 'subject', width: 240 },
    { title: t('archives.correspondence.counterpart'), dataIndex: 'counterpart', width: 180, render: (v: string | null) => v ?? '' },
    { title: t('archives.correspondence.createdBy'), dataIndex: 'createdByName', width: 100, render: (v: string | null) => v ?? '' },
  ];

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('archives.material.title')}>
        <Typography.Paragraph type="secondary">{t('archives.material.hint', { level: levels.data?.approvalAbove ?? '', hours: levels.data?.grantHours ?? '' })}</Typography.Paragraph>
        <Table rowKey="attachmentId" size="small" columns={materialColumns} dataSource={material.data?.items ?? []} loading={material.isLoading} pagination={false} locale={{ emptyText: t('archives.material.none') }} />
      </Card>
      <Card
        size="small"
        title={t('archives.correspondence.title')}
        extra={
          can('archives.file') ? (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setFiling(true)}>
              {t('archives.correspondence.create')}
            </Button>
          ) : null
        }
      >
        <Table rowKey="id" size="small" columns={letterColumns} dataSource={letters.data?.items ?? []} loading={letters.isLoading} pagination={false} locale={{ emptyText: t('archives.correspondence.none') }} />
      </Card>
      <CorrespondenceFormModal open={filing} onClose={() => setFiling(false)} customerId={customerId} />
      <DownloadRequestModal open={!!asking} onClose={() => setAsking(null)} customerId={customerId} attachment={asking} />
    </Flex>
  );
}
