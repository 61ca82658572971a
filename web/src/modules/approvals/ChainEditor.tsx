import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors } from '../../api/client';
import type { RoleId } from '../../api/contract/platform';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError } from '../../components/errors';
import { ROLE_IDS } from '../admin/users/hooks';
import { roleLabel } from '../admin/users/labels';
import { useApprovalGroups, useSaveChain } from './hooks';
import type { Chain, ChainStep, ConditionOp, StepCondition } from '../../api/contract/approvals';

type ValueType = 'number' | 'boolean' | 'text';
interface ConditionForm {
  field: string;
  op: ConditionOp;
  valueType: ValueType;
  value?: string | number | boolean | null;
}
interface StepForm {
  key: string;
  nameZhCN: string;
  nameZhTW?: string;
  nameEn?: string;
  kind: ChainStep['approver']['kind'];
  role?: RoleId;
  within?: 'department' | 'company';
  group?: string;
  mode?: 'any' | 'all';
  when?: ConditionForm[];
  whenAny?: ConditionForm[];
}
interface ChainForm {
  steps: StepForm[];
}

const OPS: ConditionOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'];

const toConditionForm = (c: StepCondition): ConditionForm => ({
  field: c.field,
  op: c.op,
  valueType: typeof c.value === 'number' ? 'number' : typeof c.value === 'boolean' ? 'boolean' : 'text',
  value: c.value,
});

function toStepForm(s: ChainStep): StepForm {
  const a = s.approver;
  return {
    key: s.key,
    nameZhCN: s.name['zh-CN'],
    nameZhTW: s.name['zh-TW'],
    nameEn: s.name.en,
    kind: a.kind,
    role: a.kind === 'role' ? a.role : 'manager',
    within: a.kind === 'role' ? a.within : 'company',
    group: a.kind === 'group' ? a.group : undefined,
    mode: a.kind === 'group' ? a.mode : 'any',
    when: (s.when ?? []).map(toConditionForm),
    whenAny: (s.whenAny ?? []).map(toConditionForm),
  };
}

function fromConditionForm(c: ConditionForm): StepCondition {
  const value = c.valueType === 'number' ? Number(c.value ?? 0) : c.valueType === 'boolean' ? c.value === true : String(c.value ?? '');
  return { field: c.field.trim(), op: c.op, value };
}

function fromStepForm(f: StepForm): ChainStep {
  const approver: ChainStep['approver'] =
    f.kind === 'role'
      ? { kind: 'role', role: f.role ?? 'manager', within: f.within ?? 'company' }
      : f.kind === 'group'
        ? { kind: 'group', group: f.group ?? '', mode: f.mode ?? 'any' }
        : { kind: f.kind };
  const step: ChainStep = {
    key: f.key.trim(),
    name: { 'zh-CN': f.nameZhCN.trim(), 'zh-TW': f.nameZhTW?.trim() ?? '', en: f.nameEn?.trim() ?? '' },
    approver,
  };
  if (f.when?.length) step.when = f.when.map(fromConditionForm);
  if (f.whenAny?.length) step.whenAny = f.whenAny.map(fromConditionForm);
  return step;
}

/** Server field paths (steps.0.approver.group, steps.0.name.zh-CN) → this form's names. */
function renameFields(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const f of err.fields) {
    const m = /^steps\.(\d+)\.(.+)$/.exec(f.field);
    if (!m) continue;
    const rest = m[2]
      .replace(/^approver\./, '')
      .replace(/^name\.zh-CN$/, 'nameZhCN')
      .replace(/^name\.zh-TW$/, 'nameZhTW')
      .replace(/^name\.en$/, 'nameEn');
    out[f.field] = `steps.${m[1]}.${rest}`;
  }
  return out;
}

function Conditions({ stepName, list, title, form }: { stepName: number; list: 'when' | 'whenAny'; title: string; form: FormInstance<ChainForm> }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[stepName, list]}>
      {(fields, { add, remove }) => (
        <div style={{ marginBottom: 8 }}>
          <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
            <Typography.Text strong>{title}</Typography.Text>
            <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add({ field: '', op: 'eq', valueType: 'boolean', value: true })}>
              {t('approvals.addCondition')}
            </Button>
          </Flex>
          {fields.map(({ key, name }) => (
            <ConditionRow key={key} path={['steps', stepName, list, name]} name={name} form={form} onRemove={() => remove(name)} />
          ))}
        </div>
      )}
    </Form.List>
  );
}

function ConditionRow({ path, name, form, onRemove }: { path: (string | number)[]; name: number; form: FormInstance<ChainForm>; onRemove: () => void }) {
  const { t } = useTranslation();
  const valueType = Form.useWatch([...path, 'valueType'], form) as ValueType | undefined;
  return (
    <Row gutter={8} align="bottom">
      <Col xs={24} sm={7}>
        <Form.Item label={t('approvals.field')} name={[name, 'field']} rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_]{0,39}$/, message: t('common.required') }]}>
          <Input placeholder="exceedsLimit" />
        </Form.Item>
      </Col>
      <Col xs={12} sm={5}>
        <Form.Item label={t('approvals.op')} name={[name, 'op']}>
          <Select options={OPS.map((op) => ({ value: op, label: t(`approvals.ops.${op}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={4}>
        <Form.Item label={t('approvals.valueType')} name={[name, 'valueType']}>
          <Select
            options={(['boolean', 'number', 'text'] as const).map((v) => ({ value: v, label: t(`approvals.valueTypes.${v}`) }))}
            onChange={(v: ValueType) => (form as FormInstance).setFieldValue([...path, 'value'], v === 'boolean' ? true : v === 'number' ? 0 : '')}
          />
        </Form.Item>
      </Col>
      <Col xs={18} sm={6}>
        <Form.Item label={t('approvals.value')} name={[name, 'value']}>
          {valueType === 'number' ? (
            <InputNumber style={{ width: '100%' }} />
          ) : valueType === 'boolean' ? (
            <Select
              options={[
                { value: true, label: t('common.yes') },
                { value: false, label: t('common.no') },
              ]}
            />
          ) : (
            <Input />
          )}
        </Form.Item>
      </Col>
      <Col xs={6} sm={2}>
        <Form.Item>
          <Button aria-label={t('approvals.removeCondition')} title={t('approvals.removeCondition')} icon={<DeleteOutlined aria-hidden />} onClick={onRemove} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function StepFields({ name, form, groups }: { name: number; form: FormInstance<ChainForm>; groups: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const kind = Form.useWatch(['steps', name, 'kind'], form) as StepForm['kind'] | undefined;
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={t('approvals.stepName')} name={[name, 'nameZhCN']} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('approvals.stepKey')}
            name={[name, 'key']}
            rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('common.required') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('approvals.stepNameZhTW')} name={[name, 'nameZhTW']}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('approvals.stepNameEn')} name={[name, 'nameEn']}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('approvals.approverKind')} name={[name, 'kind']}>
            <Select options={(['role', 'supervisor', 'department_head', 'group'] as const).map((k) => ({ value: k, label: t(`approvals.kind.${k}`) }))} />
          </Form.Item>
        </Col>
        {kind === 'role' ? (
          <>
            <Col xs={12} md={8}>
              <Form.Item label={t('approvals.role')} name={[name, 'role']} rules={[{ required: true, message: t('common.required') }]}>
                <Select options={ROLE_IDS.filter((r) => r !== 'admin').map((r) => ({ value: r, label: roleLabel(t, r) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={t('approvals.within')} name={[name, 'within']}>
                <Select options={(['company', 'department'] as const).map((w) => ({ value: w, label: t(`approvals.withinOpt.${w}`) }))} />
              </Form.Item>
            </Col>
          </>
        ) : null}
        {kind === 'group' ? (
          <>
            <Col xs={12} md={8}>
              <Form.Item label={t('approvals.group')} name={[name, 'group']} rules={[{ required: true, message: t('common.required') }]}>
                <Select options={groups} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={t('approvals.mode')} name={[name, 'mode']}>
                <Select options={(['any', 'all'] as const).map((m) => ({ value: m, label: t(`approvals.modeOpt.${m}`) }))} />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>
      <Conditions stepName={name} list="when" title={t('approvals.when')} form={form} />
      <Conditions stepName={name} list="whenAny" title={t('approvals.whenAny')} form={form} />
    </>
  );
}

/**
 * The step editor of one chain (docs/regulations.md §18): add, remove and reorder steps, choose the approver
 * (role within department or company, supervisor, department head, group any/all) and the conditions.
 * Saving creates a new version; requests already submitted keep theirs.
 */
export function ChainEditor({ chain, onClose }: { chain: Chain | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [form] = Form.useForm<ChainForm>();
  const isMobile = useIsMobile();
  const save = useSaveChain();
  const groups = useApprovalGroups(!!chain);
  const [error, setError] = useState<string | null>(null);
  const groupOptions = (groups.data ?? []).map((g) => ({ value: g.key, label: g.name }));
  const current = chain?.versions[0];

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = (v: ChainForm) => {
    if (!chain) return;
    setError(null);
    save.mutate(
      { documentType: chain.documentType, steps: (v.steps ?? []).map(fromStepForm), version: chain.currentVersion },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          close();
        },
        onError: (err) => {
          if (err instanceof ApiError && err.isStaleVersion) {
            void message.error(t('errors.stale'));
            close();
          } else if (!applyFieldErrors(form, err, renameFields(err))) setError(describe(err));
        },
      },
    );
  };

  return (
    <Drawer
      title={chain ? t('approvals.editChain', { name: chain.label }) : ''}
      open={!!chain}
      onClose={close}
      size={isMobile ? '100%' : 860}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t('approvals.chainHint')} style={{ marginBottom: 16 }} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {chain ? (
        <Form<ChainForm> form={form} name="approval-chain" layout="vertical" initialValues={{ steps: (current?.steps ?? []).map(toStepForm) }} onFinish={submit}>
          <Form.List name="steps">
            {(fields, { add, remove, move }) => (
              <>
                {fields.length === 0 ? <Typography.Paragraph type="secondary">{t('approvals.noSteps')}</Typography.Paragraph> : null}
                {fields.map(({ key, name }, i) => (
                  <Card
                    key={key}
                    size="small"
                    style={{ marginBottom: 12 }}
                    title={t('approvals.stepN', { n: i + 1 })}
                    extra={
                      <Space size={4}>
                        <Button size="small" aria-label={t('approvals.moveUp')} title={t('approvals.moveUp')} icon={<ArrowUpOutlined aria-hidden />} disabled={i === 0} onClick={() => move(i, i - 1)} />
                        <Button
                          size="small"
                          aria-label={t('approvals.moveDown')}
                          title={t('approvals.moveDown')}
                          icon={<ArrowDownOutlined aria-hidden />}
                          disabled={i === fields.length - 1}
                          onClick={() => move(i, i + 1)}
                        />
                        <Button size="small" danger aria-label={t('approvals.removeStep')} title={t('approvals.removeStep')} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(name)} />
                      </Space>
                    }
                  >
                    <StepFields name={name} form={form} groups={groupOptions} />
                  </Card>
                ))}
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ key: `step_${fields.length + 1}`, nameZhCN: '', kind: 'role', role: 'manager', within: 'company', mode: 'any', when: [], whenAny: [] })}
                >
                  {t('approvals.addStep')}
                </Button>
              </>
            )}
          </Form.List>
          {/* Enter in a field saves, as in every form of the app */}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      ) : null}
    </Drawer>
  );
}
