import { ArrowLeftOutlined, ArrowRightOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Skeleton, Tag, Tooltip, Typography, theme } from 'antd';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { type ProspectFilters, useBoard } from './hooks';
import { STAGE_COLOR, channelLabel, formatWan, neighbours, stageLabel } from './labels';
import { StageMoveModal } from './StageMoveModal';
import type { BoardColumn, Prospect, Stage } from '../../api/contract/development';

const DRAG_TYPE = 'application/x-guanxi-prospect';

/**
 * 看板: one column per stage with its count and the sum of expected amounts. A card moves by dragging it
 * onto another column or — with the keyboard — by its ← / → buttons (and 变更阶段 for any stage or 已流失);
 * either way the move dialog asks for the note and lets the amount and next step change with it.
 */
export function ProspectBoard({ filters }: { filters: Omit<ProspectFilters, 'page' | 'pageSize' | 'sort' | 'stage'> }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const board = useBoard(filters);
  const canMove = useCan()('development.write');
  const [moving, setMoving] = useState<{ prospect: Prospect; to: Stage | null } | null>(null);
  const [over, setOver] = useState<Stage | null>(null);

  if (board.isError && !board.data) return <LoadError error={board.error} onRetry={() => void board.refetch()} />;
  if (!board.data) return <Skeleton active />;
  const byId = new Map(board.data.flatMap((c) => c.items).map((p) => [p.id, p]));

  const onDrop = (e: DragEvent, column: BoardColumn) => {
    e.preventDefault();
    setOver(null);
    const id = Number(e.dataTransfer.getData(DRAG_TYPE));
    const p = byId.get(id);
    if (p && p.stage !== column.stage) setMoving({ prospect: p, to: column.stage });
  };

  return (
    <>
      {board.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} style={{ marginBottom: 12 }} /> : null}
      {canMove ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('development.prospects.dragHint')}
        </Typography.Paragraph>
      ) : null}
      <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8, alignItems: 'flex-start' }}>
        {board.data.map((column) => (
          <section
            key={column.stage}
            aria-label={t('development.prospects.columnLabel', { stage: stageLabel(t, column.stage) })}
            onDragOver={(e) => {
              if (!canMove || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              setOver(column.stage);
            }}
            onDragLeave={() => setOver((s) => (s === column.stage ? null : s))}
            onDrop={(e) => onDrop(e, column)}
            style={{
              flex: '0 0 260px',
              background: over === column.stage ? token.colorPrimaryBg : token.colorFillQuaternary,
              border: `1px dashed ${over === column.stage ? token.colorPrimary : 'transparent'}`,
              borderRadius: token.borderRadiusLG,
              padding: 8,
              minHeight: 200,
            }}
          >
            <Flex justify="space-between" align="baseline" style={{ padding: '4px 4px 8px' }}>
              <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
                <Tag color={STAGE_COLOR[column.stage]} style={{ marginInlineEnd: 6 }}>
                  {column.count}
                </Tag>
                {stageLabel(t, column.stage)}
              </Typography.Title>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('development.prospects.columnAmount', { amount: formatWan(column.expectedAmount) })}
              </Typography.Text>
            </Flex>
            <Flex vertical gap={8}>
              {column.items.map((p) => (
                <ProspectCard key={p.id} prospect={p} canMove={canMove} onMove={(to) => setMoving({ prospect: p, to })} />
              ))}
              {column.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('development.prospects.columnEmpty')} /> : null}
              {column.count > column.items.length ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('development.prospects.more', { count: column.count - column.items.length })}
                </Typography.Text>
              ) : null}
            </Flex>
          </section>
        ))}
      </div>
      <StageMoveModal prospect={moving?.prospect ?? null} to={moving?.to} onClose={() => setMoving(null)} />
    </>
  );
}

function ProspectCard({ prospect: p, canMove, onMove }: { prospect: Prospect; canMove: boolean; onMove: (to: Stage | null) => void }) {
  const { t } = useTranslation();
  const { prev, next } = neighbours(p.stage);
  // The record exists: the customer is in the archive and the stage stays (server rule).
  const locked = p.developmentRecordId !== null;
  return (
    <Card
      size="small"
      draggable={canMove && !locked}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, String(p.id));
        e.dataTransfer.effectAllowed = 'move';
      }}
      style={{ cursor: canMove && !locked ? 'grab' : undefined }}
      styles={{ body: { padding: 10 } }}
    >
      <Flex vertical gap={2}>
        <Link to={`/development/prospects/${p.id}`} style={{ fontWeight: 500 }}>
          {p.companyName}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[p.contactName, p.phone].filter(Boolean).join(' · ') || t('common.none')}
        </Typography.Text>
        <Flex gap={4} wrap align="center">
          <Tag>{channelLabel(t, p.channel)}</Tag>
          {p.expectedAmount !== null ? <Typography.Text style={{ fontSize: 12 }}>{t('development.prospects.amount', { amount: formatWan(p.expectedAmount) })}</Typography.Text> : null}
          {p.ownerName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.ownerName}
            </Typography.Text>
          ) : null}
        </Flex>
        {p.stage === 'lost' && p.lostReason ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('common.labelValue', { label: t('development.fields.lostReason'), value: p.lostReason })}
          </Typography.Text>
        ) : p.nextStep ? (
          <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: p.nextStep }}>
            {t('common.labelValue', { label: t('development.fields.nextStep'), value: p.nextStep })}
          </Typography.Text>
        ) : null}
        {canMove && !locked ? (
          <Flex gap={4} justify="flex-end" style={{ marginTop: 4 }}>
            {prev ? (
              <Tooltip title={t('development.prospects.moveBack', { stage: stageLabel(t, prev) })}>
                <Button size="small" icon={<ArrowLeftOutlined aria-hidden />} aria-label={t('common.withNote', { text: t('development.prospects.moveBack', { stage: stageLabel(t, prev) }), note: p.companyName })} onClick={() => onMove(prev)} />
              </Tooltip>
            ) : null}
            <Tooltip title={t('development.prospects.moveTo')}>
              <Button size="small" icon={<SwapOutlined aria-hidden />} aria-label={t('common.withNote', { text: t('development.prospects.moveTo'), note: p.companyName })} onClick={() => onMove(null)} />
            </Tooltip>
            {next ? (
              <Tooltip title={t('development.prospects.moveForward', { stage: stageLabel(t, next) })}>
                <Button size="small" icon={<ArrowRightOutlined aria-hidden />} aria-label={t('common.withNote', { text: t('development.prospects.moveForward', { stage: stageLabel(t, next) }), note: p.companyName })} onClick={() => onMove(next)} />
              </Tooltip>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
