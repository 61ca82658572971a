import { CheckOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { GradingBoardItem } from '../../api/contract/grading';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useTeams } from '../admin/org/hooks';
import { useCan } from '../auth/hooks';
import { useCustomerOptions } from '../customers/hooks';
import { gradeLabel } from '../customers/labels';
import { type BoardFilters, useConfirmGrades, useGradingBoard, useProposeGrades } from './hooks';
import { amountLabel, cooperationLabel, industryLabel } from './labels';
import { OverrideModal } from './OverrideModal';

/**
 * 客户分级 (docs/regulations.md §3): customers whose proposed grade differs from the current one, with the
 * classes, the latest evaluation and why; the supervisor selects rows and confirms them in one go.
 */
export default function GradingBoardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const canConfirm = can('grading.confirm');
  const options = useCustomerOptions();
  const teams = useTeams();
  const [filters, setFilters] = useState<BoardFilters>({ page: 1, pageSize: 50 });
  const [selected, setSelected] = useState<number[]>([]);
  const [overriding, setOverriding] = useState<GradingBoardItem | null>(null);
  const board = useGradingBoard(filters);
  const confirm = useConfirmGrades();
  const propose = useProposeGrades();
  const grades = (options.data?.grades ?? []).map((g) => ({ value: g.code, label: gradeLabel(t, g.code, options.data) }));

  const grade = (g: string | null, color?: string) => (g ? <Tag color={color}>{gradeLabel(t, g, options.data)}</Tag> : <Typography.Text type="secondary">{t('grading.noGrade')}</Typography.Text>);
  const columns: TableColumnsType<GradingBoardItem> = [
    { key: 'name', title: t('grading.customer'), dataIndex: 'name', width: 220, render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.name}</Link> },
    { key: 'team', title: t('grading.team'), dataIndex: 'teamName', width: 120, render: (v: string | null) => v ?? t('common.none') },
    { key: 'current', title: t('grading.current'), dataIndex: 'currentGrade', width: 120, render: (v: string | null) => grade(v) },
    { key: 'proposed', title: t('grading.proposed'), dataIndex: 'proposedGrade', width: 120, render: (v: string) => grade(v, 'gold') },
    { key: 'amount', title: t('grading.amountClass'), dataIndex: 'amountClass', width: 90, render: (v: string | null) => amountLabel(t, v) },
    { key: 'industry', title: t('grading.industryClassTitle'), dataIndex: 'industryClass', width: 90, render: (v: string | null) => industryLabel(t, v) },
    { key: 'cooperation', title: t('grading.cooperationClass'), dataIndex: 'cooperationClass', width: 100, render: (v: string | null) => cooperationLabel(t, v) },
    { key: 'score', title: t('grading.score'), dataIndex: 'evaluationScore', width: 90, render: (v: number | null) => (v === null ? t('common.none') : t('grading.scoreValue', { score: v })) },
    { key: 'reason', title: t('grading.reason'), dataIndex: 'reason', width: 320 },
    ...(canConfirm
      ? [
          {
            key: 'actions',
            title: t('grading.actions'),
            width: 110,
            render: (_: unknown, r: GradingBoardItem) => (
              <Button size="small" onClick={() => setOverriding(r)}>
                {t('grading.override')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const onConfirm = async () => {
    const res = await confirm.mutateAsync({ items: selected.map((customerId) => ({ customerId })) });
    void message.success(t('grading.confirmed', { count: res.confirmed }));
    setSelected([]);
  };

  return (
    <PageContainer
      title={t('grading.title')}
      extra={
        canConfirm ? (
          <Button icon={<SyncOutlined aria-hidden />} loading={propose.isPending} onClick={() => propose.mutate(undefined, { onSuccess: (r) => void message.success(t('grading.proposedCount', { count: r.changed })) })}>
            {t('grading.proposeNow')}
          </Button>
        ) : null
      }
    >
      <Card>
        <Flex vertical gap={12}>
          <Form layout="inline" name="gradingFilters">
            <Form.Item label={t('grading.team')}>
              <Select
                allowClear
                style={{ width: 180 }}
                aria-label={t('grading.team')}
                options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                value={filters.teamId}
                onChange={(v?: number) => setFilters({ ...filters, teamId: v, page: 1 })}
              />
            </Form.Item>
            <Form.Item label={t('grading.current')}>
              <Select allowClear style={{ width: 150 }} aria-label={t('grading.current')} options={grades} value={filters.grade} onChange={(v?: string) => setFilters({ ...filters, grade: v, page: 1 })} />
            </Form.Item>
            <Form.Item label={t('grading.proposed')}>
              <Select allowClear style={{ width: 150 }} aria-label={t('grading.proposed')} options={grades} value={filters.proposedGrade} onChange={(v?: string) => setFilters({ ...filters, proposedGrade: v, page: 1 })} />
            </Form.Item>
          </Form>
          {canConfirm ? (
            <Space>
              <Button type="primary" icon={<CheckOutlined aria-hidden />} disabled={!selected.length} loading={confirm.isPending} onClick={() => void onConfirm()}>
                {t('grading.confirmSelected', { count: selected.length })}
              </Button>
              <Typography.Text type="secondary">{t('grading.confirmHint')}</Typography.Text>
            </Space>
          ) : null}
          {board.isError && !board.data ? (
            <LoadError error={board.error} onRetry={() => void board.refetch()} />
          ) : (
            <Table<GradingBoardItem>
              rowKey="customerId"
              size="middle"
              loading={board.isFetching}
              columns={columns}
              dataSource={board.data?.items ?? []}
              scroll={{ x: 1200 }}
              locale={{ emptyText: t('grading.empty') }}
              rowSelection={canConfirm ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
              pagination={{
                current: filters.page,
                pageSize: filters.pageSize,
                total: board.data?.total ?? 0,
                onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
              }}
            />
          )}
        </Flex>
      </Card>
      <OverrideModal
        item={overriding}
        onClose={(done) => {
          if (done) void message.success(t('grading.confirmed', { count: 1 }));
          setOverriding(null);
        }}
      />
    </PageContainer>
  );
}
