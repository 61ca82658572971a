import { Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { App } from 'antd';
import type { ProposalDetail, ProposalScores } from '../../api/contract/proposals';
import { CustomerPicker } from '../../components/CustomerPicker';
import { useDialogSaveError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { useDepartments } from '../admin/org/hooks';
import { useUserOptions } from '../admin/users/hooks';
import {
  type ProposalValues,
  useCreateProposal,
  useImplementProposal,
  useReportProposal,
  useRewardProposal,
  useScoreProposal,
  useSendForApproval,
  useUpdateProposal,
  useWeights,
} from './hooks';
import { CRITERIA } from './labels';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // Asia/Shanghai

interface ModalProps {
  open: boolean;
  onClose: () => void;
}

/** A colleague searched on the server (GET /api/users?q=). */
function UserSelect(props: { id?: string; value?: number | null; onChange?: (v: number | null) => void; known?: { id: number; name: string | null } | null; placeholder?: string }) {
  const { t } = useTranslation();
  const { known, ...rest } = props;
  const [q, setQ] = useState('');
  const users = useUserOptions(q);
  const options = useMemo(() => {
    const map = new Map<number, string>(known ? [[known.id, known.name ?? String(known.id)]] : []);
    for (const u of users.data?.items ?? []) if (u.active) map.set(u.id, t('common.withNote', { text: u.displayName, note: u.username }));
    return [...map].map(([value, label]) => ({ value, label }));
  }, [known, users.data, t]);
  return <Select allowClear {...rest} showSearch={{ filterOption: false, onSearch: setQ }} loading={users.isFetching} options={options} />;
}

/** 客户提案表: new, or a draft edited. */
export function ProposalFormModal({ open, onClose, proposal }: ModalProps & { proposal?: ProposalDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProposalValues>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateProposal();
  const update = useUpdateProposal(proposal?.id ?? 0);
  const onError = useDialogSaveError(form, setError, onClose);
  const source = Form.useWatch('source', form) ?? proposal?.source ?? 'staff';
  const patent = Form.useWatch('patent', form);
  const finish = (v: ProposalValues) => {
    const body = { ...v, patent: !!v.patent, proposerId: v.source === 'staff' ? (v.proposerId ?? null) : null, customerId: v.source === 'customer' ? (v.customerId ?? null) : null };
    if (proposal)
      update.mutate(
        { ...body, version: proposal.version },
        {
          onSuccess: () => {
            void message.success(t('proposals.done.saved'));
            onClose();
          },
          onError,
        },
      );
    else
      create.mutate(body, {
        onSuccess: (p) => {
          void message.success(t('proposals.done.saved'));
          onClose();
          navigate(`/proposals/${p.id}`);
        },
        onError,
      });
  };
  return (
    <FormModal<ProposalValues>
      name="proposal"
      title={proposal ? t('proposals.edit') : t('proposals.new')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={finish}
      loading={create.isPending || update.isPending}
      error={error}
      width={720}
      initialValues={
        proposal
          ? {
              title: proposal.title,
              proposedOn: proposal.proposedOn,
              source: proposal.source,
              proposerId: proposal.proposerId,
              customerId: proposal.customerId,
              contactName: proposal.contactName,
              problem: proposal.problem,
              proposal: proposal.proposal,
              expectedBenefit: proposal.expectedBenefit,
              patent: proposal.patent,
              patentNote: proposal.patentNote,
            }
          : { proposedOn: today(), source: 'staff', patent: false }
      }
    >
      <Form.Item name="title" label={t('proposals.fields.title')} rules={[{ required: true, message: t('common.required') }]}>
        <Input autoFocus maxLength={200} />
      </Form.Item>
      <Form.Item name="proposedOn" label={t('proposals.fields.proposedOn')} rules={[{ required: true, message: t('common.required') }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="source" label={t('proposals.fields.source')}>
        <Radio.Group options={(['staff', 'customer'] as const).map((s) => ({ value: s, label: t(`proposals.sources.${s}`) }))} />
      </Form.Item>
      {source === 'customer' ? (
        <>
          <Form.Item name="customerId" label={t('proposals.fields.customer')} rules={[{ required: true, message: t('common.required') }]}>
            <CustomerPicker known={proposal?.customerId ? [{ id: proposal.customerId, name: proposal.customerName ?? '', archiveNo: proposal.customerArchiveNo }] : []} />
          </Form.Item>
          <Form.Item name="contactName" label={t('proposals.fields.contactName')}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="proposerId" label={t('proposals.fields.proposer')}>
          <UserSelect placeholder={t('proposals.proposerSelf')} known={proposal?.proposerId ? { id: proposal.proposerId, name: proposal.proposerName } : null} />
        </Form.Item>
      )}
      <Form.Item name="problem" label={t('proposals.fields.problem')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="proposal" label={t('proposals.fields.proposal')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="expectedBenefit" label={t('proposals.fields.expectedBenefit')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item name="patent" label={t('proposals.fields.patent')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {patent ? (
        <Form.Item name="patentNote" label={t('proposals.fields.patentNote')}>
          <Input maxLength={1000} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

/** 提案评定表: six criteria, each 0–100, weighted by the setting in force. */
export function ScoreModal({ open, onClose, proposal }: ModalProps & { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ scores: ProposalScores; comment?: string }>();
  const [error, setError] = useState<string | null>(null);
  const weights = useWeights().data?.weights;
  const score = useScoreProposal(proposal.id);
  const onError = useDialogSaveError(form, setError, onClose);
  return (
    <FormModal
      name="proposalReview"
      title={t('proposals.review.title')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={(v) =>
        score.mutate(v, {
          onSuccess: () => {
            void message.success(t('proposals.done.scored'));
            onClose();
          },
          onError,
        })
      }
      loading={score.isPending}
      error={error}
    >
      <Typography.Paragraph type="secondary">{t('proposals.review.hint')}</Typography.Paragraph>
      {CRITERIA.map((c, i) => (
        <Form.Item
          key={c}
          name={['scores', c]}
          label={`${t(`proposals.review.criteria.${c}`)}${weights ? ` (${t('proposals.review.weightValue', { weight: weights[c] })})` : ''}`}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={0} max={100} precision={0} autoFocus={i === 0} style={{ width: 160 }} />
        </Form.Item>
      ))}
      <Form.Item name="comment" label={t('proposals.review.comment')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

export function SendForApprovalModal({ open, onClose, proposal }: ModalProps & { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const [error, setError] = useState<string | null>(null);
  const send = useSendForApproval(proposal.id);
  const onError = useDialogSaveError(form, setError, onClose);
  return (
    <FormModal
      name="proposalApproval"
      title={t('proposals.actions.sendForApproval')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={(v) =>
        send.mutate(v, {
          onSuccess: () => {
            void message.success(t('proposals.done.sent'));
            onClose();
          },
          onError,
        })
      }
      loading={send.isPending}
      error={error}
    >
      <Form.Item name="comment" label={t('proposals.approval.comment')}>
        <Input.TextArea rows={2} autoFocus maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

export function ImplementModal({ open, onClose, proposal }: ModalProps & { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ departmentId: number; due: string }>();
  const [error, setError] = useState<string | null>(null);
  const departments = useDepartments();
  const implement = useImplementProposal(proposal.id);
  const onError = useDialogSaveError(form, setError, onClose);
  return (
    <FormModal
      name="proposalImplement"
      title={t('proposals.implement.title')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={(v) =>
        implement.mutate(
          { ...v, version: proposal.version },
          {
            onSuccess: () => {
              void message.success(t('proposals.done.implementing'));
              onClose();
            },
            onError,
          },
        )
      }
      loading={implement.isPending}
      error={error}
    >
      <Form.Item name="departmentId" label={t('proposals.fields.implDepartment')} rules={[{ required: true, message: t('common.required') }]}>
        <Select autoFocus loading={departments.isLoading} options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <Form.Item name="due" label={t('proposals.fields.implDue')} rules={[{ required: true, message: t('common.required') }]}>
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}

type ReportValues = { doneOn: string; motivation: string; before: string; after: string; method: string; benefit: string; conclusion: string };

/** 提案成果报告表. */
export function ReportModal({ open, onClose, proposal }: ModalProps & { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const [error, setError] = useState<string | null>(null);
  const report = useReportProposal(proposal.id);
  const onError = useDialogSaveError(form, setError, onClose);
  const keys = ['motivation', 'before', 'after', 'method', 'benefit', 'conclusion'] as const;
  return (
    <FormModal<ReportValues>
      name="proposalReport"
      title={t('proposals.report.title')}
      open={open}
      form={form}
      onCancel={onClose}
      width={720}
      initialValues={{ doneOn: today(), motivation: proposal.problem, before: proposal.problem, benefit: proposal.expectedBenefit }}
      onFinish={(v) =>
        report.mutate(
          { ...v, version: proposal.version },
          {
            onSuccess: () => {
              void message.success(t('proposals.done.reported'));
              onClose();
            },
            onError,
          },
        )
      }
      loading={report.isPending}
      error={error}
    >
      <Form.Item name="doneOn" label={t('proposals.report.doneOn')} rules={[{ required: true, message: t('common.required') }]}>
        <Input type="date" autoFocus />
      </Form.Item>
      {keys.map((k) => (
        <Form.Item key={k} name={k} label={t(`proposals.report.${k}`)} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      ))}
    </FormModal>
  );
}

type RewardValues = { amountYuan: number; form: string; decidedBy: number; on: string };

/** The reward: amount (entered in yuan, kept in fen), its form and who decided it. */
export function RewardModal({ open, onClose, proposal }: ModalProps & { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RewardValues>();
  const [error, setError] = useState<string | null>(null);
  const reward = useRewardProposal(proposal.id);
  const onError = useDialogSaveError(form, setError, onClose, { amountCents: 'amountYuan' });
  return (
    <FormModal<RewardValues>
      name="proposalReward"
      title={t('proposals.reward.title')}
      open={open}
      form={form}
      onCancel={onClose}
      initialValues={{ on: today() }}
      onFinish={(v) =>
        reward.mutate(
          { amountCents: Math.round(v.amountYuan * 100), form: v.form, decidedBy: v.decidedBy, on: v.on, version: proposal.version },
          {
            onSuccess: () => {
              void message.success(t('proposals.done.rewarded'));
              onClose();
            },
            onError,
          },
        )
      }
      loading={reward.isPending}
      error={error}
    >
      <Form.Item name="amountYuan" label={t('proposals.reward.amount')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber min={0} precision={2} autoFocus style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="form" label={t('proposals.reward.form')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="decidedBy" label={t('proposals.reward.decidedBy')} rules={[{ required: true, message: t('common.required') }]}>
        <UserSelect />
      </Form.Item>
      <Form.Item name="on" label={t('proposals.reward.on')} rules={[{ required: true, message: t('common.required') }]}>
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}
