import { EditOutlined, MergeOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Progress, Space, Spin, Tabs, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Customer, CustomerOptions } from '../../api/contract/customers';
import { customerPageItems } from '../../app/module';
import { useIsMobile } from '../../app/useIsMobile';
import { useWebModules } from '../../app/WebModulesContext';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { useCan } from '../auth/hooks';
import { AttachmentsTab } from './AttachmentsTab';
import { ContactsTab } from './ContactsTab';
import { CustomerValueTab } from './CustomerValueTab';
import { type FieldDef, SECTIONS, fieldLabel, sectionLabel } from './fields';
import { HistoryTab } from './HistoryTab';
import { MergeModal } from './MergeModal';
import { useCustomer, useCustomerOptions } from './hooks';
import { STATUS_COLOR, gradeLabel, optionLabel, statusLabel } from './labels';
import { RevealValue } from './RevealValue';
import { TransferModal } from './TransferModal';


function FieldValue({ customer, def, options }: { customer: Customer; def: FieldDef; options?: CustomerOptions }) {
  const { t } = useTranslation();
  const v = customer[def.key];
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  if (def.kind === 'masked') {
    return <RevealValue customerId={customer.id} field={def.key === 'bankAccount' || def.key === 'fixedPhone' ? def.key : 'phone'} masked={v as string | null} label={fieldLabel(t, def.key)} />;
  }
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return none;
  switch (def.kind) {
    case 'tags':
      return (
        <Space size={[0, 4]} wrap>
          {(v as string[]).map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      );
    case 'select':
      return def.key === 'status' ? <Tag color={STATUS_COLOR[v as string]}>{statusLabel(t, v as string)}</Tag> : <>{optionLabel(t, def.options, v as string, options)}</>;
    case 'textarea':
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(v)}</span>;
    default:
      return <>{String(v)}</>;
  }
}

function BasicTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const options = useCustomerOptions();
  return (
    <Flex vertical gap={16}>
      {SECTIONS.map((s) => {
        const items: DescriptionsProps['items'] = s.fields.map((f) => ({
          key: f.key,
          label: fieldLabel(t, f.key),
          span: f.kind === 'textarea' ? 'filled' : 1,
          children: <FieldValue customer={customer} def={f} options={options.data} />,
        }));
        return (
          <Descriptions
            key={s.key}
            title={
              <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
                {sectionLabel(t, s.key)}
              </Typography.Title>
            }
            bordered
            size={isMobile ? 'small' : 'middle'}
            column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
            items={items}
          />
        );
      })}
    </Flex>
  );
}

export default function CustomerDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const customer = useCustomer(id);
  const { t } = useTranslation();
  return (
    <RecordGate id={id} query={customer} notFound={<NotFound message={t('customers.notFound')} back={{ to: '/customers', label: t('customers.back') }} />}>
      {(c) => <CustomerDetail customer={c} />}
    </RecordGate>
  );
}

function CustomerDetail({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const can = useCan();
  const options = useCustomerOptions().data;
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const modules = useWebModules();
  const hasValue = customerPageItems(modules, 'customerValue', can).length > 0;
  // The archive's own tabs, the value panel when some module contributes to it, and other modules' tabs (their order).
  const tabs: { key: string; order: number; label: string; children: ReactNode }[] = [
    { key: 'basic', order: 0, label: t('customers.tabs.basic'), children: <BasicTab customer={customer} /> },
    ...(hasValue ? [{ key: 'value', order: 5, label: t('customers.tabs.value'), children: <CustomerValueTab customerId={customer.id} /> }] : []),
    // Contacts, attachments and history are the archive proper: finance reads only the billing record.
    ...(can('customers.archive')
      ? [
          { key: 'contacts', order: 10, label: t('customers.tabs.contacts'), children: <ContactsTab customerId={customer.id} /> },
          { key: 'attachments', order: 20, label: t('customers.tabs.attachments'), children: <AttachmentsTab customerId={customer.id} /> },
          { key: 'history', order: 1000, label: t('customers.tabs.history'), children: <HistoryTab customerId={customer.id} /> },
        ]
      : []),
    ...customerPageItems(modules, 'customerTabs', can).map(({ key, order, labelKey, component: Tab }) => ({
      key,
      order,
      label: t(labelKey),
      children: (
        <Suspense fallback={<Spin />}>
          <Tab customerId={customer.id} />
        </Suspense>
      ),
    })),
  ].sort((a, b) => a.order - b.order);
  const tabParam = params.get('tab');
  const tab = tabs.some((x) => x.key === tabParam) ? tabParam! : 'basic';
  const [transferring, setTransferring] = useState(false);
  const [merging, setMerging] = useState(false);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const summary: { key: string; label: string; children: ReactNode }[] = [
    { key: 'archiveNo', label: t('customers.archiveNo'), children: <Typography.Text copyable>{customer.archiveNo}</Typography.Text> },
    { key: 'status', label: t('customers.status'), children: <Tag color={STATUS_COLOR[customer.status]}>{statusLabel(t, customer.status)}</Tag> },
    { key: 'grade', label: t('customers.fields.grade'), children: customer.grade ? <Tag color="gold">{gradeLabel(t, customer.grade, options)}</Tag> : none },
    { key: 'owner', label: t('customers.owner'), children: customer.ownerName || none },
    { key: 'team', label: t('customers.team'), children: customer.teamName || none },
    {
      key: 'completeness',
      label: t('customers.completeness'),
      children: (
        <Progress
          percent={customer.completeness ?? 0}
          size="small"
          status={customer.completeness >= 100 ? 'success' : 'normal'}
          style={{ minWidth: 140, marginBottom: 0 }}
          aria-label={t('customers.completeness')}
        />
      ),
    },
    { key: 'createdBy', label: t('customers.createdBy'), children: customer.createdByName || none },
    { key: 'createdAt', label: t('customers.createdAt'), children: formatDateTime(customer.createdAt) },
    { key: 'updatedAt', label: t('customers.updatedAt'), children: formatDateTime(customer.updatedAt) },
  ];
  const missing = customer.missingFields ?? [];

  return (
    <PageContainer
      title={customer.name}
      extra={
        <>
          {can('customers.update') ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/customers/${customer.id}/edit`)}>
              {t('common.edit')}
            </Button>
          ) : null}
          {can('customers.transfer') ? (
            <Button icon={<SwapOutlined />} onClick={() => setTransferring(true)}>
              {t('customers.transfer')}
            </Button>
          ) : null}
          {can('customers.merge') ? (
            <Button icon={<MergeOutlined />} onClick={() => setMerging(true)}>
              {t('customers.merge.button')}
            </Button>
          ) : null}
        </>
      }
    >
      <Card size={isMobile ? 'small' : 'default'} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 4, xl: 4, xxl: 4 }} items={summary} />
        {missing.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('customers.missingFields')}
            description={
              <Flex wrap gap={4} role="list" aria-label={t('customers.missingFields')}>
                {missing.map((f) => (
                  <Tag key={f} role="listitem">
                    {fieldLabel(t, f)}
                  </Tag>
                ))}
              </Flex>
            }
          />
        ) : null}
      </Card>
      <Card size={isMobile ? 'small' : 'default'}>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            const next = new URLSearchParams(params);
            if (k === 'basic') next.delete('tab');
            else next.set('tab', k);
            setParams(next, { replace: true });
          }}
          destroyOnHidden
          items={tabs.map(({ key, label, children }) => ({ key, label, children }))}
        />
      </Card>
      <TransferModal customerIds={transferring ? [customer.id] : []} onClose={() => setTransferring(false)} />
      {can('customers.merge') ? <MergeModal survivor={customer} open={merging} onClose={() => setMerging(false)} /> : null}
    </PageContainer>
  );
}
