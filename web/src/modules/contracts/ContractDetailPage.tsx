import { EditOutlined, FolderOpenOutlined, PrinterOutlined, SignatureOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ContractDetail } from '../../api/contract/contracts';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError, useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { useCan } from '../auth/hooks';
import { ContractAttachments } from './ContractAttachments';
import { useContract, useSetFiling, useSignContract, useTerminateContract } from './hooks';
import { STATUS_COLOR, currencyLabel, formatAmount, statusLabel } from './labels';

export default function ContractDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const contract = useContract(id);
  const { t } = useTranslation();
  return (
    <RecordGate id={id} query={contract} notFound={<NotFound message={t('contracts.notFound')} back={{ to: '/contracts', label: t('contracts.back') }} />}>
      {(c) => <ContractView contract={c} />}
    </RecordGate>
  );
}

/** Why signing would go to the director: above the limit (万元) and/or beyond the term (months). */
function reasons(t: TFunction, c: ContractDetail): string {
  const a = c.authority;
  const out: string[] = [];
  if (a.exceedsLimit) out.push(t('contracts.authority.exceedsLimit', { limit: a.limitWan ?? 0, amount: formatAmount(a.amountCny, 'CNY') }));
  if (a.exceedsTerm) out.push(t('contracts.authority.exceedsTerm', { months: a.termMonths, max: a.maxTermMonths ?? 0 }));
  return out.join(t('contracts.listSeparator'));
}

function StatusAlert({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  if (c.status === 'draft' && c.lastDecision) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t(c.lastDecision.action === 'reject' ? 'contracts.rejected' : 'contracts.returned', { name: c.lastDecision.actorName, at: formatDateTime(c.lastDecision.at) })}
        description={c.lastDecision.comment}
      />
    );
  }
  if (c.status === 'draft') {
    return c.authority.within ? (
      <Alert type="info" showIcon title={t('contracts.authority.within', { name: c.signerName ?? '' })} />
    ) : (
      <Alert type="warning" showIcon title={t('contracts.authority.needsApproval')} description={reasons(t, c)} />
    );
  }
  if (c.status === 'pending') {
    const why = [c.overCapacity ? t('contracts.capacity.overShort') : null, c.exceedsLimit ? t('contracts.authority.limitShort') : null, c.exceedsTerm ? t('contracts.authority.termShort') : null].filter(Boolean).join(t('contracts.listSeparator'));
    return <Alert type="info" showIcon title={t('contracts.pendingApproval')} description={why || undefined} />;
  }
  if (c.status === 'terminated') {
    return <Alert type="error" showIcon title={t('contracts.terminatedBy', { name: c.terminatedByName ?? '', at: formatDateTime(c.terminatedAt) })} description={c.terminationReason} />;
  }
  return null;
}

/** The capacity check before signing (docs/regulations.md §13): over it, signing goes to the manager. */
function CapacityAlert({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  if (c.status !== 'draft' || !c.capacity?.overCapacity) return null;
  return <Alert type="warning" showIcon title={t('contracts.capacity.over', { day: c.capacity.day ?? '', capacity: c.capacity.capacity ?? 0, booked: c.capacity.booked ?? 0, quantity: c.quantity ?? 0 })} />;
}

function ContractView({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const sign = useSignContract(c.id);
  const terminate = useTerminateContract(c.id);
  const notifyError = useNotifyError();
  const describe = useDescribeError();
  const [terminating, setTerminating] = useState(false);
  const [terminateError, setTerminateError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [filingForm] = Form.useForm<{ filingLocation: string }>();
  const [filing, setFiling] = useState(false);
  const [filingError, setFilingError] = useState<string | null>(null);
  const setFilingLocation = useSetFiling(c.id);
  const onFiling = (v: { filingLocation: string }) => {
    setFilingError(null);
    setFilingLocation.mutate(
      { filingLocation: v.filingLocation?.trim() || null, version: c.version },
      {
        onSuccess: () => {
          void message.success(t('contracts.filing.saved'));
          setFiling(false);
        },
        onError: (err) => setFilingError(describe(err)),
      },
    );
  };
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const isDraft = c.status === 'draft';
  const canTerminate = can('contracts.terminate') && (c.status === 'effective' || isDraft);
  // Contracts signed within authority never see an approver; a draft that was signed before came back from one.
  const wentToApproval = !!c.signedAt && (c.exceedsLimit || c.exceedsTerm || c.overCapacity || isDraft || c.status === 'pending');

  const onSign = () =>
    sign.mutate(c.version, {
      onSuccess: (answer) => void message.success(answer.status === 'effective' ? t('contracts.signedEffective') : t('contracts.signedPending')),
      onError: notifyError,
    });

  const onTerminate = (v: { reason: string }) => {
    setTerminateError(null);
    terminate.mutate(
      { reason: v.reason.trim(), version: c.version },
      {
        onSuccess: () => {
          void message.success(t('contracts.terminated'));
          setTerminating(false);
        },
        onError: (err) => setTerminateError(describe(err)),
      },
    );
  };

  const items: DescriptionsProps['items'] = [
    { key: 'contractNo', label: t('contracts.fields.contractNo'), children: <Typography.Text copyable>{c.contractNo}</Typography.Text> },
    { key: 'status', label: t('contracts.fields.status'), children: <Tag color={STATUS_COLOR[c.status]}>{statusLabel(t, c.status)}</Tag> },
    {
      key: 'customer',
      label: t('contracts.fields.customer'),
      children: (
        <Link to={`/customers/${c.customerId}?tab=contracts`}>
          {t('common.withNote', { text: c.customerName, note: c.customerArchiveNo })}
        </Link>
      ),
    },
    {
      key: 'amount',
      label: t('contracts.fields.amount'),
      children: (
        <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatAmount(c.amount, c.currency)}
          {c.currency !== 'CNY' ? <Typography.Text type="secondary">{t('common.note', { note: t('contracts.cnyEquivalent', { amount: formatAmount(c.authority.amountCny, 'CNY') }) })}</Typography.Text> : null}
        </Typography.Text>
      ),
    },
    { key: 'currency', label: t('contracts.fields.currency'), children: currencyLabel(t, c.currency) },
    { key: 'signer', label: t('contracts.fields.signer'), children: c.signerName || none },
    { key: 'signingDate', label: t('contracts.fields.signingDate'), children: c.signingDate || none },
    { key: 'term', label: t('contracts.fields.term'), children: t('common.withNote', { text: t('contracts.termRange', { start: c.startDate, end: c.endDate }), note: t('contracts.months', { count: c.authority.termMonths }) }) },
    { key: 'owner', label: t('contracts.fields.owner'), children: c.ownerName || none },
    { key: 'effectiveAt', label: t('contracts.fields.effectiveAt'), children: c.effectiveAt ? formatDateTime(c.effectiveAt) : none },
    { key: 'createdBy', label: t('contracts.fields.createdBy'), children: `${c.createdByName ?? ''} ${formatDateTime(c.createdAt)}` },
    { key: 'updatedAt', label: t('contracts.fields.updatedAt'), children: formatDateTime(c.updatedAt) },
    ...(c.resource
      ? [
          {
            key: 'booked',
            label: t('contracts.print.booked'),
            children: [c.businessType ? t(`contracts.booking.types.${c.businessType}`) : null, c.resource, c.quantity !== null ? `${c.quantity}${c.businessType ? ` ${t(`contracts.booking.units.${c.businessType}`)}` : ''}` : null].filter(Boolean).join(t('contracts.listSeparator')),
          },
        ]
      : []),
    { key: 'filingLocation', label: t('contracts.filing.label'), children: c.filingLocation || none },
    { key: 'terms', label: t('contracts.fields.terms'), span: 'filled', children: c.terms ? <span style={{ whiteSpace: 'pre-wrap' }}>{c.terms}</span> : none },
  ];

  return (
    <PageContainer
      title={
        <Flex align="center" gap={8} wrap>
          <span>{c.title}</span>
          <Tag color={STATUS_COLOR[c.status]} style={{ fontSize: 14 }}>
            {statusLabel(t, c.status)}
          </Tag>
        </Flex>
      }
      documentTitle={`${c.contractNo} ${c.title}`}
      extra={
        <>
          {isDraft && can('contracts.manage') ? (
            <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(`/contracts/${c.id}/edit`)}>
              {t('common.edit')}
            </Button>
          ) : null}
          {c.canSign ? (
            <Popconfirm
              title={t('contracts.signConfirmTitle')}
              description={c.authority.within ? t('contracts.signConfirmEffective') : t('contracts.signConfirmApproval')}
              okText={t('contracts.sign')}
              cancelText={t('common.cancel')}
              onConfirm={onSign}
            >
              <Button type="primary" icon={<SignatureOutlined aria-hidden />} loading={sign.isPending}>
                {t('contracts.sign')}
              </Button>
            </Popconfirm>
          ) : null}
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => navigate(`/contracts/${c.id}/print`)}>
            {t('contracts.print.action')}
          </Button>
          {!isDraft && can('contracts.manage') ? (
            <Button
              icon={<FolderOpenOutlined aria-hidden />}
              onClick={() => {
                filingForm.setFieldsValue({ filingLocation: c.filingLocation ?? '' });
                setFiling(true);
              }}
            >
              {t('contracts.filing.edit')}
            </Button>
          ) : null}
          {canTerminate ? (
            <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setTerminating(true)}>
              {t('contracts.terminate')}
            </Button>
          ) : null}
        </>
      }
    >
      <Flex vertical gap={16}>
        <StatusAlert contract={c} />
        <CapacityAlert contract={c} />
        <Card size={isMobile ? 'small' : 'default'}>
          <Descriptions bordered size={isMobile ? 'small' : 'middle'} column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }} items={items} styles={{ label: { whiteSpace: 'nowrap' } }} />
        </Card>
        {wentToApproval ? <ApprovalPanel documentType="contract" documentId={c.id} /> : null}
        <Card size={isMobile ? 'small' : 'default'} title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{t('contracts.attachments.title')}</Typography.Title>}>
          <ContractAttachments contractId={c.id} canUpload={can('contracts.manage') && c.status !== 'terminated'} canDelete={can('contracts.manage') && isDraft} />
        </Card>
      </Flex>
      <FormModal<{ reason: string }>
        name="contractTerminate"
        title={t('contracts.terminateTitle', { no: c.contractNo })}
        open={terminating}
        form={form}
        onCancel={() => setTerminating(false)}
        onFinish={onTerminate}
        loading={terminate.isPending}
        okText={t('contracts.terminate')}
        error={terminateError}
        danger
      >
        <Form.Item
          label={t('contracts.terminationReason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 2, message: t('contracts.reasonTooShort') },
          ]}
        >
          <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} maxLength={500} showCount />
        </Form.Item>
      </FormModal>
      <FormModal<{ filingLocation: string }>
        name="contractFiling"
        title={t('contracts.filing.title')}
        open={filing}
        form={filingForm}
        onCancel={() => setFiling(false)}
        onFinish={onFiling}
        loading={setFilingLocation.isPending}
        okText={t('common.save')}
        error={filingError}
      >
        <Form.Item label={t('contracts.filing.label')} name="filingLocation">
          <Input autoFocus maxLength={200} placeholder={t('contracts.filing.placeholder')} />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
