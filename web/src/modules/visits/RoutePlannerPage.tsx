import { AimOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import type { DayRoute } from '../../api/contract/visits';
import { CustomerPicker } from '../../components/CustomerPicker';
import { useDescribeError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { usePlanRoute } from './hooks';

type StartKind = 'default' | 'mine' | 'customer' | 'coords';
interface Values {
  customerIds: number[];
  startKind: StartKind;
  startCustomerId?: number;
  lat?: number;
  lng?: number;
}
type Stop = DayRoute['stops'][number];

const km = (m: number) => (m / 1000).toFixed(1);

/**
 * /visits/route — a day of on-site visits in a short order (nearest neighbour + 2-opt, docs/regulations.md §8),
 * as a list with leg and total distances. No map unless map tiles are configured in the settings.
 */
export default function RoutePlannerPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const preset = (params.get('customers') ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const [form] = Form.useForm<Values>();
  const plan = usePlanRoute();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  const [geoNote, setGeoNote] = useState<string | null>(null);
  const startKind = Form.useWatch('startKind', form);

  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (p) => {
        form.setFieldsValue({ lat: Number(p.coords.latitude.toFixed(6)), lng: Number(p.coords.longitude.toFixed(6)) });
        setGeoNote(t('visits.route.located'));
      },
      () => setGeoNote(t('visits.route.noGeo')),
      { enableHighAccuracy: true, timeout: 10_000 },
    );

  const submit = (v: Values) => {
    setError(null);
    const start = v.startKind === 'mine' || v.startKind === 'coords' ? (v.lat != null && v.lng != null ? { lat: v.lat, lng: v.lng } : null) : null;
    plan.mutate(
      { customerIds: v.customerIds, start, startCustomerId: v.startKind === 'customer' ? (v.startCustomerId ?? null) : null },
      { onError: (err) => { if (!applyFieldErrors(form, err, { 'start.lat': 'lat', 'start.lng': 'lng', start: 'startKind' })) setError(describe(err)); } },
    );
  };

  const r = plan.data;
  return (
    <PageContainer title={t('visits.route.title')}>
      <Flex vertical gap={16}>
        <Card size="small">
          <Form<Values> form={form} name="dayRoute" layout="vertical" initialValues={{ customerIds: preset, startKind: 'default' }} onFinish={submit}>
            {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
            <Form.Item name="customerIds" label={t('visits.route.customers')} rules={[{ required: true }]}>
              <CustomerPicker mode="multiple" autoFocus />
            </Form.Item>
            <Form.Item name="startKind" label={t('visits.route.start')}>
              <Radio.Group
                options={[
                  { value: 'default', label: t('visits.route.startDefault') },
                  { value: 'mine', label: t('visits.route.startMine') },
                  { value: 'customer', label: t('visits.route.startCustomer') },
                  { value: 'coords', label: `${t('visits.route.lat')} / ${t('visits.route.lng')}` },
                ]}
                onChange={(e) => {
                  if (e.target.value === 'mine') locate();
                }}
              />
            </Form.Item>
            {startKind === 'customer' ? (
              <Form.Item name="startCustomerId" label={t('visits.route.startCustomer')} rules={[{ required: true }]}>
                <CustomerPicker />
              </Form.Item>
            ) : null}
            {startKind === 'mine' || startKind === 'coords' ? (
              <Space wrap align="end">
                <Form.Item name="lat" label={t('visits.route.lat')} rules={[{ required: true }]}>
                  <InputNumber min={-90} max={90} step={0.0001} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name="lng" label={t('visits.route.lng')} rules={[{ required: true }]}>
                  <InputNumber min={-180} max={180} step={0.0001} style={{ width: 160 }} />
                </Form.Item>
                {startKind === 'mine' ? (
                  <Form.Item>
                    <Button icon={<AimOutlined aria-hidden />} onClick={locate}>
                      {t('visits.route.startMine')}
                    </Button>
                  </Form.Item>
                ) : null}
                {geoNote ? <Typography.Text role="status">{geoNote}</Typography.Text> : null}
              </Space>
            ) : null}
            <Button type="primary" htmlType="submit" icon={<NodeIndexOutlined aria-hidden />} loading={plan.isPending}>
              {t('visits.route.plan')}
            </Button>
          </Form>
        </Card>
        {r ? (
          <Card
            size="small"
            title={
              <Space wrap>
                <span role="status">{t('visits.route.total', { km: km(r.totalM) })}</span>
                <Typography.Text type="secondary">{t('visits.route.inputOrder', { km: km(r.inputOrderM) })}</Typography.Text>
                <Tag>{r.distance === 'road' ? t('visits.route.road') : t('visits.route.straight')}</Tag>
              </Space>
            }
          >
            <Flex vertical gap={12}>
              {r.warning ? <Alert type="warning" showIcon title={r.warning} /> : null}
              {r.unlocated.length ? <Alert type="info" showIcon title={t('visits.route.unlocated', { names: r.unlocated.map((u) => u.name).join(t('common.listSeparator')) })} /> : null}
              <Table<Stop>
                rowKey="customerId"
                size="small"
                pagination={false}
                dataSource={r.stops}
                scroll={{ x: 700 }}
                columns={[
                  { title: t('visits.route.order'), key: 'order', width: 70, render: (_: unknown, __, i) => i + 1 },
                  { title: t('visits.fields.customer'), dataIndex: 'name', render: (v: string, s) => <Link to={`/customers/${s.customerId}?tab=visits`}>{v}</Link> },
                  { title: t('visits.report.address'), dataIndex: 'address', render: (v: string | null) => v ?? '' },
                  { title: t('visits.route.leg'), dataIndex: 'legM', width: 110, align: 'right', render: (v: number) => t('visits.route.km', { km: km(v) }) },
                  { title: t('visits.route.cumulative'), dataIndex: 'cumulativeM', width: 110, align: 'right', render: (v: number) => t('visits.route.km', { km: km(v) }) },
                ]}
              />
              <Typography.Text type="secondary">{r.mapTiles ? t('visits.route.mapConfigured', { url: r.mapTiles }) : t('visits.route.noMap')}</Typography.Text>
            </Flex>
          </Card>
        ) : null}
      </Flex>
    </PageContainer>
  );
}
