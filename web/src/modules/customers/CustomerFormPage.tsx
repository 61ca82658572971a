import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import type { Customer, DuplicateHit, CustomerEditable } from '../../api/contract/customers';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { useCan } from '../auth/hooks';
import { DuplicatesModal, duplicateName } from './DuplicatesModal';
import { type CustomerField, type FieldDef, SECTIONS, fieldLabel, sectionLabel } from './fields';
import { type CustomerInput, useCreateCustomer, useCustomer, useCustomerOptions, useDuplicateCheck, useUpdateCustomer } from './hooks';
import { selectOptions } from './labels';

type FormValues = Partial<Record<CustomerField, unknown>>;
type Normalized = Partial<Record<CustomerField, string | number | string[] | null>>;

/** Fields checked for duplicates when they lose focus, and the server's reason that belongs to each. */
const DUPLICATE_FIELDS = { name: 'name', creditCode: 'credit_code', phone: 'phone' } as const;
type DuplicateField = keyof typeof DUPLICATE_FIELDS;

const FIELDS: FieldDef[] = SECTIONS.flatMap((s) => s.fields);

function toForm(c: Customer | undefined): FormValues {
  if (!c) return { status: 'potential', tags: [] };
  const out: FormValues = {};
  for (const f of FIELDS) {
    const v = c[f.key];
    out[f.key] = f.kind === 'tags' ? (v ?? []) : (v ?? undefined);
  }
  return out;
}

/** Form values → what the server stores: trimmed text, '' and blanks as null, tags without empties. */
function normalize(v: FormValues): Normalized {
  const out: Normalized = {};
  for (const f of FIELDS) {
    const raw = v[f.key];
    if (f.kind === 'tags') {
      out[f.key] = Array.isArray(raw) ? [...new Set(raw.map((x) => String(x).trim()).filter(Boolean))] : [];
    } else if (f.kind === 'integer' || f.kind === 'amount') {
      out[f.key] = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    } else if (typeof raw === 'string') {
      out[f.key] = raw.trim() === '' ? null : raw.trim();
    } else {
      out[f.key] = raw === undefined || raw === null ? null : (raw as string);
    }
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export default function CustomerFormPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : undefined;
  const customer = useCustomer(id ?? 0);
  const { t } = useTranslation();
  if (id === undefined) return <CustomerForm customer={undefined} />;
  return (
    <RecordGate id={id} query={customer} notFound={<NotFound message={t('customers.notFound')} back={{ to: '/customers', label: t('customers.back') }} />}>
      {(c) => <CustomerForm customer={c} />}
    </RecordGate>
  );
}

function CustomerForm({ customer }: { customer: Customer | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const location = useLocation();
  const isMobile = useIsMobile();
  const can = useCan();
  const [form] = Form.useForm<FormValues>();
  const options = useCustomerOptions();
  const create = useCreateCustomer();
  const update = useUpdateCustomer();
  const check = useDuplicateCheck();
  const describe = useDescribeError();
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateHit[] | null>(null);
  const [warnings, setWarnings] = useState<Partial<Record<DuplicateField, DuplicateHit[]>>>({});
  const editing = !!customer;
  const saving = create.isPending || update.isPending;
  // What the form started from: edits are compared with it, so only changed fields are sent.
  const baseline = useRef<Normalized>(normalize(toForm(customer)));

  // (Re)load the record's values: on first show and when a newer version arrives (after a 409).
  const loadedVersion = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!customer || loadedVersion.current === customer.version) return;
    loadedVersion.current = customer.version;
    baseline.current = normalize(toForm(customer));
    form.resetFields();
    form.setFieldsValue(toForm(customer));
  }, [customer, form]);

  const title = customer ? t('customers.editTitle', { name: customer.name }) : t('customers.createTitle');

  const leave = (to?: string) => {
    if (to) navigate(to, { replace: true });
    // Back to where the user came from (keeps the list's search), else to the list.
    else if (location.key !== 'default') navigate(-1);
    else navigate(customer ? `/customers/${customer.id}` : '/customers');
  };

  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.isStaleVersion) {
      // Someone saved first: say so and show their version (the mutation reloads the record).
      void message.error(t('errors.stale'));
      return;
    }
    if (err instanceof ApiError && err.status === 409 && err.code === 'duplicate') {
      const hits = Array.isArray(err.details.duplicates) ? (err.details.duplicates as DuplicateHit[]) : [];
      setDuplicates(hits);
      return;
    }
    const placed = applyFieldErrors(form, err);
    setFormError(placed ? null : describe(err));
    if (placed && err instanceof ApiError) {
      const first = err.fields.find((f) => form.getFieldInstance(f.field as CustomerField));
      if (first) form.scrollToField(first.field, { block: 'center', focus: true });
    }
  };

  const submitCreate = (body: CustomerInput) =>
    create.mutate(body, {
      onSuccess: (c) => {
        setDuplicates(null);
        void message.success(t('customers.created', { archiveNo: c.archiveNo }));
        leave(`/customers/${c.id}`);
      },
      onError: (err) => {
        if (!(err instanceof ApiError && err.code === 'duplicate')) setDuplicates(null);
        onError(err);
      },
    });

  const onFinish = (values: FormValues) => {
    setFormError(null);
    const v = normalize(values);
    if (!customer) {
      const body: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(v)) {
        if (val === null || (Array.isArray(val) && val.length === 0)) continue;
        body[k] = val;
      }
      submitCreate(body as CustomerInput);
      return;
    }
    const changed: Partial<CustomerEditable> = {};
    for (const [k, val] of Object.entries(v)) {
      if (!same(val, baseline.current[k as CustomerField])) (changed as Record<string, unknown>)[k] = val;
    }
    if (Object.keys(changed).length === 0) {
      void message.info(t('customers.noChanges'));
      return;
    }
    update.mutate(
      { id: customer.id, version: customer.version, ...changed },
      {
        onSuccess: () => {
          void message.success(t('customers.updated'));
          leave(`/customers/${customer.id}`);
        },
        onError,
      },
    );
  };

  /** On leaving name / credit code / phone: ask the server whether such a customer exists already. */
  const checkDuplicates = (field: DuplicateField) => {
    if (!can('customers.create')) return;
    const v = normalize(form.getFieldsValue());
    const value = v[field];
    if (typeof value !== 'string' || !value || same(value, customer ? baseline.current[field] : null)) {
      setWarnings((w) => ({ ...w, [field]: undefined }));
      return;
    }
    check.mutate(
      { [field]: value },
      {
        onSuccess: (hits) =>
          setWarnings((w) => ({
            ...w,
            [field]: hits.filter((h) => h.reason === DUPLICATE_FIELDS[field] && !(customer && h.archiveNo === customer.archiveNo)),
          })),
        // A failed check is only a missed hint; the server checks again on save.
        onError: () => undefined,
      },
    );
  };

  /** Enter in a one-line input must not save a half-filled archive; Ctrl+Enter (⌘+Enter) does, from anywhere. */
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      form.submit();
      return;
    }
    const target = e.target as HTMLElement;
    if (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox') e.preventDefault();
  };

  const warningFor = (key: CustomerField): ReactNode => {
    const hits = warnings[key as DuplicateField];
    if (!hits || hits.length === 0) return null;
    const hidden = hits.filter((h) => !h.visible).length;
    return (
      <Typography.Text type="warning" role="status">
        {t('customers.duplicateWarning')}
        {/* The field says why (same phone …); records the user may not see are only counted. */}
        {[
          ...hits.filter((h) => h.visible).map((h) => duplicateName(t, h)),
          ...(hidden === 0 ? [] : [hidden === 1 ? t('customers.duplicateHidden') : t('customers.duplicateHiddenCount', { count: hidden })]),
        ].join(t('customers.listSeparator'))}
      </Typography.Text>
    );
  };

  const control = (f: FieldDef): ReactNode => {
    switch (f.kind) {
      case 'textarea':
        return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={f.max} showCount />;
      case 'select':
        // Every customer has a status (the server has no "none" for it); the other lists may be left empty.
        return <Select allowClear={f.key !== 'status'} showSearch={{ optionFilterProp: 'label' }} options={selectOptions(t, f.options!, options.data)} />;
      case 'tags':
        return <Select mode="tags" tokenSeparators={[',', '，']} placeholder={t('customers.tagsPlaceholder')} open={false} suffixIcon={null} maxCount={20} />; // i18n-exempt: either comma separates tags, whatever the language
      case 'integer':
        return <InputNumber min={0} precision={0} style={{ width: '100%' }} />;
      case 'amount':
        return <InputNumber min={0} precision={2} style={{ width: '100%' }} />;
      default:
        return (
          <Input
            maxLength={f.max}
            autoComplete="off"
            autoFocus={f.key === 'name'}
            // No type="email": the browser's own check would speak its language, not ours; the server checks.
            inputMode={f.key === 'email' ? 'email' : f.key === 'phone' ? 'tel' : undefined}
            onBlur={f.key in DUPLICATE_FIELDS ? () => checkDuplicates(f.key as DuplicateField) : undefined}
          />
        );
    }
  };

  const item = (f: FieldDef) => {
    const masked = f.kind === 'masked' && editing && !!customer?.[f.key];
    const warning = warningFor(f.key);
    const extra =
      masked || warning ? (
        <Flex vertical>
          {warning}
          {masked ? <span>{t('customers.maskedHint')}</span> : null}
        </Flex>
      ) : undefined;
    const span = f.span ?? 8;
    return (
      <Col key={f.key} xs={24} md={span === 8 ? 12 : 24} lg={span}>
        <Form.Item
          label={fieldLabel(t, f.key)}
          name={f.key}
          extra={extra}
          rules={f.key === 'name' ? [{ required: true, whitespace: true, message: t('common.required') }] : undefined}
        >
          {control(f)}
        </Form.Item>
      </Col>
    );
  };

  return (
    <PageContainer title={title}>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form<FormValues>
        form={form}
        name="customer"
        layout="vertical"
        initialValues={toForm(customer)}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) => {
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center', focus: true });
        }}
        onKeyDown={onKeyDown}
        disabled={saving}
      >
        <Flex vertical gap={16}>
          {SECTIONS.map((s) => (
            <Card
              key={s.key}
              size={isMobile ? 'small' : 'default'}
              title={
                <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
                  {sectionLabel(t, s.key)}
                </Typography.Title>
              }
            >
              <Row gutter={16}>{s.fields.map(item)}</Row>
            </Card>
          ))}
        </Flex>
        <Flex
          justify="end"
          align="center"
          gap={8}
          wrap
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 5,
            marginTop: 16,
            padding: '12px 16px',
            background: token.colorBgContainer,
            borderTop: `1px solid ${token.colorBorderSecondary}`,
            boxShadow: token.boxShadowTertiary,
          }}
        >
          {isMobile ? null : (
            <Typography.Text type="secondary" style={{ marginInlineEnd: 'auto' }}>
              {t('customers.saveHint')}
            </Typography.Text>
          )}
          <Button onClick={() => leave()} disabled={false}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
      <DuplicatesModal
        hits={duplicates}
        loading={create.isPending}
        onBack={() => setDuplicates(null)}
        onAfterBack={() => (form.getFieldInstance('name') as { focus?: () => void } | undefined)?.focus?.()}
        onConfirm={() => {
          const body: Record<string, unknown> = {};
          for (const [k, val] of Object.entries(normalize(form.getFieldsValue()))) {
            if (val === null || (Array.isArray(val) && val.length === 0)) continue;
            body[k] = val;
          }
          submitCreate({ ...(body as CustomerInput), confirmDuplicate: true });
        }}
      />
    </PageContainer>
  );
}
