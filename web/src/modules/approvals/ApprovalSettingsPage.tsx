import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useDescribeError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useLastDefined } from '../../components/useLastDefined';
import { useUserOptions } from '../admin/users/hooks';
import { roleLabel } from '../admin/users/labels';
import { ChainEditor } from './ChainEditor';
import { type GroupInput, useApprovalGroups, useChains, useSaveGroup } from './hooks';
import type { ApprovalGroup, Chain, ChainStep } from '../../api/contract/approvals';

/** A step as one short line: name (approver, conditions). */
function stepSummary(t: TFunction, s: ChainStep, groups: ApprovalGroup[], lang: string, fieldLabels: Record<string, string> = {}): string {
  const a = s.approver;
  const who =
    a.kind === 'role'
      ? `${roleLabel(t, a.role)} · ${t(`approvals.withinOpt.${a.within}`)}`
      : a.kind === 'group'
        ? `${groups.find((g) => g.key === a.group)?.name ?? a.group} · ${t(`approvals.modeOpt.${a.mode}`)}`
        : t(`approvals.kind.${a.kind}`);
  const cond = (c: NonNullable<ChainStep['when']>[number]) =>
    `${fieldLabels[c.field] ?? c.field} ${t(`approvals.ops.${c.op}`)} ${typeof c.value === 'boolean' ? t(c.value ? 'common.yes' : 'common.no') : c.value}`;
  const parts = [(s.when ?? []).map(cond).join(t('approvals.and')), (s.whenAny ?? []).map(cond).join(t('approvals.or'))].filter(Boolean);
  const when = parts.length ? ` · ${parts.join(t('approvals.and'))}` : '';
  const name = (s.name as Record<string, string>)[lang] || s.name['zh-CN'];
  return t('common.withNote', { text: name, note: `${who}${when}` });
}

function ChainsTab() {
  const { t, i18n } = useTranslation();
  const chains = useChains();
  const groups = useApprovalGroups();
  const [editing, setEditing] = useState<Chain | null>(null);
  const g = groups.data ?? [];

  const columns: TableColumnsType<Chain> = [
    { title: t('approvals.documentType'), dataIndex: 'label', width: 160 },
    {
      title: t('approvals.chainSteps'),
      key: 'steps',
      render: (_, c) =>
        c.versions[0]?.steps.length ? (
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {c.versions[0].steps.map((s) => (
              <li key={s.key}>{stepSummary(t, s, g, i18n.language, c.fieldLabels)}</li>
            ))}
          </ol>
        ) : (
          <Typography.Text type="secondary">{t('approvals.noSteps')}</Typography.Text>
        ),
    },
    {
      title: t('approvals.currentVersion'),
      key: 'version',
      width: 120,
      render: (_, c) => (
        <Space size={4}>
          {t('approvals.versionLine', { version: c.currentVersion })}
          {c.versions[0]?.builtIn ? <Tag>{t('approvals.builtIn')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => setEditing(c)} aria-label={`${t('common.edit')} ${c.label}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  if (chains.isError) return <LoadError error={chains.error} onRetry={() => void chains.refetch()} />;
  return (
    <>
      <Table<Chain>
        rowKey="documentType"
        size="small"
        columns={columns}
        dataSource={chains.data ?? []}
        loading={chains.isFetching}
        pagination={false}
        scroll={{ x: 760 }}
        expandable={{
          rowExpandable: (c) => c.versions.length > 1,
          expandedRowRender: (c) => (
            <div>
              <Typography.Text strong>{t('approvals.versions')}</Typography.Text>
              <ul style={{ marginTop: 4 }}>
                {c.versions.map((v) => (
                  <li key={v.version}>
                    {t('approvals.versionLine', { version: v.version })}
                    {v.createdAt ? t('common.afterColon', { text: t('approvals.savedBy', { at: formatDateTime(v.createdAt), by: v.createdByName ?? t('common.none') }) }) : t('common.afterColon', { text: t('approvals.builtIn') })}
                    <div>
                      {v.steps.length ? v.steps.map((s) => stepSummary(t, s, g, i18n.language, c.fieldLabels)).join(' → ') : t('approvals.noSteps')}
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ),
        }}
      />
      <ChainEditor chain={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function MemberSelect({ id, value, onChange, initial }: { id?: string; value?: number[]; onChange?: (v: number[]) => void; initial: { id: number; name: string }[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useUserOptions(q);
  const options = new Map<number, string>(initial.map((m) => [m.id, m.name]));
  for (const u of users.data?.items ?? []) if (u.active) options.set(u.id, t('common.withNote', { text: u.displayName, note: u.username }));
  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={onChange}
      placeholder={t('approvals.noMembers')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={users.isFetching}
      options={[...options].map(([value, label]) => ({ value, label }))}
    />
  );
}

interface GroupForm {
  key: string;
  name: string;
  memberIds: number[];
}

function GroupModal({ target, onClose }: { target: { group: ApprovalGroup | null } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [form] = Form.useForm<GroupForm>();
  const save = useSaveGroup();
  const [error, setError] = useState<string | null>(null);
  const group = useLastDefined(target)?.group ?? null;
  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <FormModal<GroupForm>
      name="approval-group"
      title={group ? t('approvals.editGroup', { name: group.name }) : t('approvals.newGroup')}
      open={!!target}
      form={form}
      onCancel={close}
      loading={save.isPending}
      error={error}
      initialValues={group ? { key: group.key, name: group.name, memberIds: group.members.map((m) => m.id) } : { memberIds: [] }}
      onFinish={(v) => {
        setError(null);
        const body: GroupInput & { id?: number; version?: number } = group
          ? { id: group.id, version: group.version, name: v.name.trim(), memberIds: v.memberIds ?? [] }
          : { key: v.key.trim(), name: v.name.trim(), memberIds: v.memberIds ?? [] };
        save.mutate(body, {
          onSuccess: () => {
            void message.success(t('common.saved'));
            close();
          },
          onError: (err) => {
            if (err instanceof ApiError && err.isStaleVersion) {
              void message.error(t('errors.stale'));
              close();
            } else if (!applyFieldErrors(form, err)) setError(describe(err));
          },
        });
      }}
    >
      <Form.Item label={t('approvals.groupName')} name="name" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input autoFocus maxLength={50} />
      </Form.Item>
      {group ? null : (
        <Form.Item label={t('approvals.groupKey')} name="key" rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('common.required') }]}>
          <Input maxLength={40} />
        </Form.Item>
      )}
      <Form.Item label={t('approvals.members')} name="memberIds">
        <MemberSelect initial={group?.members ?? []} />
      </Form.Item>
    </FormModal>
  );
}

function GroupsTab() {
  const { t } = useTranslation();
  const groups = useApprovalGroups();
  const [target, setTarget] = useState<{ group: ApprovalGroup | null } | null>(null);

  const columns: TableColumnsType<ApprovalGroup> = [
    { title: t('approvals.groupName'), dataIndex: 'name', width: 160 },
    { title: t('approvals.groupKey'), dataIndex: 'key', width: 180 },
    {
      title: t('approvals.members'),
      key: 'members',
      render: (_, g) =>
        g.members.length ? (
          <Space size={[4, 4]} wrap>
            {g.members.map((m) => (
              <Tag key={m.id} color={m.active ? undefined : 'default'}>
                {m.name}
                {m.active ? '' : t('common.note', { note: t('approvals.inactive') })}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('approvals.noMembers')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, g) => (
        <Button type="link" size="small" onClick={() => setTarget({ group: g })} aria-label={`${t('common.edit')} ${g.name}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  if (groups.isError) return <LoadError error={groups.error} onRetry={() => void groups.refetch()} />;
  return (
    <>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setTarget({ group: null })} style={{ marginBottom: 12 }}>
        {t('approvals.newGroup')}
      </Button>
      <Table<ApprovalGroup> rowKey="id" size="small" columns={columns} dataSource={groups.data ?? []} loading={groups.isFetching} pagination={false} scroll={{ x: 640 }} />
      <GroupModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}

/** 管理 → 审批流程: the chains of every document type (versioned) and the approval groups such as 经理办公会. */
export default function ApprovalSettingsPage() {
  const { t } = useTranslation();
  return (
    <PageContainer title={t('approvals.adminTitle')}>
      <Tabs
        items={[
          { key: 'chains', label: t('approvals.chainsTab'), children: <ChainsTab /> },
          { key: 'groups', label: t('approvals.groupsTab'), children: <GroupsTab /> },
        ]}
      />
    </PageContainer>
  );
}
