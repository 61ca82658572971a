import { DeleteOutlined, EditOutlined, MinusCircleOutlined, NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, Input, List, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import type { Territory, TerritoryCustomers, TerritoryInput } from '../../api/contract/visits';
import { useDescribeError, useNotifyError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useUserOptions } from '../admin/users/hooks';
import { useCan } from '../auth/hooks';
import { useDeleteTerritory, useMarkRemoval, useSaveTerritory, useTerritories, useTerritoryCustomers, useUnmarkRemoval } from './hooks';

type Customer = TerritoryCustomers['items'][number];

/** /visits/territories — territories as sets of regions with an owner; their customers, grades and removal marks (001 篇5 四). */
export default function TerritoriesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const territories = useTerritories();
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<Territory | 'new' | null>(null);
  const remove = useDeleteTerritory();
  const notify = useNotifyError();
  const manage = can('visits.territories');
  const regionText = (x: Territory) => x.regions.map((r) => [r.province, r.city, r.district].filter(Boolean).join(' ')).join(t('common.listSeparator'));
  const current = territories.data?.items.find((x) => x.id === selected) ?? null;
  return (
    <PageContainer
      title={t('visits.territories.title')}
      extra={
        manage ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('visits.territories.new')}
          </Button>
        ) : null
      }
    >
      {territories.isError ? <LoadError error={territories.error} onRetry={() => void territories.refetch()} /> : null}
      <Row gutter={16}>
        <Col xs={24} md={9}>
          <Card size="small">
            <List<Territory>
              dataSource={territories.data?.items ?? []}
              loading={territories.isPending}
              locale={{ emptyText: t('visits.territories.empty') }}
              renderItem={(x) => (
                <List.Item
                  style={{ cursor: 'pointer', background: x.id === selected ? '#e6f4ff' : undefined, paddingInline: 8 }}
                  onClick={() => setSelected(x.id)}
                  actions={
                    manage
                      ? [
                          <Button key="edit" type="text" size="small" icon={<EditOutlined aria-hidden />} aria-label={`${t('visits.territories.edit')} ${x.name}`} onClick={(e) => { e.stopPropagation(); setEditing(x); }} />,
                          <Popconfirm key="del" title={t('visits.territories.confirmDelete')} onConfirm={() => remove.mutate(x.id, { onError: notify, onSuccess: () => setSelected(null) })}>
                            <Button type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t('visits.territories.delete')} ${x.name}`} onClick={(e) => e.stopPropagation()} />
                          </Popconfirm>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <button type="button" className="gx-link-button" style={{ all: 'unset', cursor: 'pointer', fontWeight: 600 }} onClick={() => setSelected(x.id)}>
                        {x.name}
                      </button>
                    }
                    description={t('common.labelValue', { label: t('visits.territories.owner'), value: x.ownerName ?? '' }) + t('common.clauseSeparator') + regionText(x)}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={15}>
          {current ? <TerritoryCustomersCard territory={current} onRoute={(ids) => navigate(`/visits/route?customers=${ids.join(',')}`)} /> : <Typography.Text type="secondary">{t('visits.territories.select')}</Typography.Text>}
        </Col>
      </Row>
      {editing ? <TerritoryModal territory={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  );
}

function TerritoryCustomersCard({ territory, onRoute }: { territory: Territory; onRoute: (ids: number[]) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const customers = useTerritoryCustomers(territory.id);
  const unmark = useUnmarkRemoval();
  const notify = useNotifyError();
  const [marking, setMarking] = useState<Customer | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const items = customers.data?.items ?? [];
  const none = <Typography.Text type="secondary">{t('visits.territories.noCoords')}</Typography.Text>;
  return (
    <Card
      size="small"
      title={`${territory.name} · ${t('visits.territories.customers')}`}
      extra={
        <Space wrap>
          <Typography.Text>{t('visits.territories.count', { count: items.length })}</Typography.Text>
          {(customers.data?.byGrade ?? []).map((g) => (
            <Tag key={g.grade ?? ''}>{`${g.grade ?? t('visits.territories.noGrade')} ${g.count}`}</Tag>
          ))}
          <Button icon={<NodeIndexOutlined aria-hidden />} disabled={!picked.length} onClick={() => onRoute(picked)}>
            {t('visits.territories.planRoute')}
          </Button>
        </Space>
      }
    >
      {customers.isError ? <LoadError error={customers.error} onRetry={() => void customers.refetch()} /> : null}
      <Table<Customer>
        rowKey="id"
        size="small"
        loading={customers.isFetching}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys as number[]), getCheckboxProps: (c) => ({ disabled: !!c.removal, 'aria-label': c.name }) }}
        columns={[
          { title: t('visits.fields.customer'), dataIndex: 'name', width: 220, render: (v: string, c) => <Link to={`/customers/${c.id}?tab=visits`}>{v}</Link> },
          { title: t('visits.territories.district'), key: 'region', width: 140, render: (_: unknown, c) => [c.city, c.district].filter(Boolean).join(' ') },
          { title: t('visits.territories.grade'), dataIndex: 'grade', width: 80, render: (v: string | null) => v ?? t('visits.territories.noGrade') },
          { title: t('visits.territories.owner'), dataIndex: 'ownerName', width: 100 },
          { title: t('visits.location.title'), key: 'coords', width: 170, render: (_: unknown, c) => (c.lat != null && c.lng != null ? `${c.lat.toFixed(4)}, ${c.lng.toFixed(4)}` : none) },
          {
            title: t('visits.territories.markRemoval'),
            key: 'removal',
            width: 200,
            render: (_: unknown, c) =>
              c.removal ? (
                <Space>
                  <Tag color="red">{t('visits.territories.removed', { reason: c.removal.reason })}</Tag>
                  {can('visits.territories') ? (
                    <Button size="small" type="link" onClick={() => unmark.mutate({ id: territory.id, customerId: c.id }, { onError: notify })}>
                      {t('visits.territories.unmark')}
                    </Button>
                  ) : null}
                </Space>
              ) : can('visits.territories') ? (
                <Button size="small" onClick={() => setMarking(c)} aria-label={`${t('visits.territories.markRemoval')} ${c.name}`}>
                  {t('visits.territories.markRemoval')}
                </Button>
              ) : null,
          },
        ]}
      />
      {marking ? <RemovalModal territoryId={territory.id} customer={marking} onClose={() => setMarking(null)} /> : null}
    </Card>
  );
}

function RemovalModal({ territoryId, customer, onClose }: { territoryId: number; customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const mark = useMarkRemoval();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal
      name="territoryRemoval"
      title={`${t('visits.territories.markRemoval')} · ${customer.name}`}
      open
      form={form}
      onCancel={onClose}
      loading={mark.isPending}
      error={error}
      onFinish={(v) => mark.mutate({ id: territoryId, customerId: customer.id, reason: v.reason }, { onSuccess: onClose, onError: (err) => { if (!applyFieldErrors(form, err)) setError(describe(err)); } })}
    >
      <Form.Item name="reason" label={t('visits.territories.removalReason')} rules={[{ required: true, whitespace: true, min: 2 }]}>
        <Input autoFocus maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function TerritoryModal({ territory, onClose }: { territory: Territory | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TerritoryInput>();
  const save = useSaveTerritory();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const users = useUserOptions(q);
  const owners = useMemo(() => {
    const map = new Map<number, string>(territory ? [[territory.ownerId, territory.ownerName ?? String(territory.ownerId)]] : []);
    for (const u of users.data?.items ?? []) if (u.active) map.set(u.id, t('common.withNote', { text: u.displayName, note: u.username }));
    return [...map].map(([value, label]) => ({ value, label }));
  }, [territory, users.data, t]);
  return (
    <FormModal<TerritoryInput>
      name="territory"
      title={territory ? t('visits.territories.edit') : t('visits.territories.new')}
      open
      width={720}
      form={form}
      onCancel={onClose}
      loading={save.isPending}
      error={error}
      initialValues={territory ? { name: territory.name, ownerId: territory.ownerId, regions: territory.regions, notes: territory.notes } : { regions: [{ province: '' }] }}
      onFinish={(v) =>
        save.mutate(
          { ...v, id: territory?.id, version: territory?.version },
          {
            onSuccess: () => {
              message.success(t('visits.form.saved'));
              onClose();
            },
            onError: (err) => {
              if (!applyFieldErrors(form, err)) setError(describe(err));
            },
          },
        )
      }
    >
      <Form.Item name="name" label={t('visits.territories.name')} rules={[{ required: true, whitespace: true }]}>
        <Input autoFocus maxLength={100} />
      </Form.Item>
      <Form.Item name="ownerId" label={t('visits.territories.owner')} rules={[{ required: true }]}>
        <Select showSearch={{ filterOption: false, onSearch: setQ }} options={owners} loading={users.isFetching} />
      </Form.Item>
      <Form.List name="regions">
        {(fields, { add, remove }) => (
          <Form.Item label={t('visits.territories.regions')} required>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="start">
                <Form.Item name={[f.name, 'province']} rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
                  <Input aria-label={t('visits.territories.province')} placeholder={t('visits.territories.province')} maxLength={50} />
                </Form.Item>
                <Form.Item name={[f.name, 'city']} style={{ flex: 1 }}>
                  <Input aria-label={t('visits.territories.city')} placeholder={t('visits.territories.city')} maxLength={50} />
                </Form.Item>
                <Form.Item name={[f.name, 'district']} style={{ flex: 1 }}>
                  <Input aria-label={t('visits.territories.district')} placeholder={t('visits.territories.district')} maxLength={50} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('visits.territories.removeRegion')} disabled={fields.length === 1} onClick={() => remove(f.name)} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ province: '' })}>
              {t('visits.territories.addRegion')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="notes" label={t('visits.territories.notes')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
