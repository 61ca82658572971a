import { AimOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import type { VisitReportInput } from '../../api/contract/visits';
import { CustomerPicker } from '../../components/CustomerPicker';
import { useDescribeError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { useTasks } from '../workflow/hooks';
import { useCreateReport, useCreateVisit, useOpenPlanLines, useUploadReportSignature, useUploadVisitSignature } from './hooks';
import { ReportFields } from './ReportFields';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';

type Kind = 'record' | 'call';
interface Values {
  customerId: number;
  method: 'on_site' | 'phone' | 'email';
  visitedAt: Dayjs;
  contactName?: string;
  purpose?: string;
  points?: string;
  satisfaction?: string;
  opinions?: string;
  countermeasures?: string;
  result?: string;
  nextStep?: string;
  nextDate?: Dayjs | null;
  maintenanceTaskId?: number;
  planLineId?: number | null;
  saveLocation?: boolean;
  withReport?: boolean;
  report?: Omit<VisitReportInput, 'customerId' | 'reportDate' | 'visitId'>;
}
interface CheckIn {
  at: string;
  lat: number | null;
  lng: number | null;
  accuracyM: number | null;
}

const SATISFACTION = ['good', 'fairly_good', 'average', 'poor', 'very_poor'] as const;

/**
 * 客户回访记录表 (with the signature pad, GPS check-in and, optionally, the scored 走访客户报告单) or, with
 * `?kind=call`, the quick 电话回访记录表 (docs/regulations.md §8). Ctrl+Enter saves from anywhere in the form.
 */
export default function VisitFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const kind: Kind = params.get('kind') === 'call' ? 'call' : 'record';
  const presetCustomer = Number(params.get('customerId')) || undefined;
  const presetLine = Number(params.get('planLineId')) || undefined;
  const [form] = Form.useForm<Values>();
  const chosenCustomer = Form.useWatch('customerId', form) ?? presetCustomer;
  const planLines = useOpenPlanLines(chosenCustomer).data?.items ?? [];
  const describe = useDescribeError();
  const create = useCreateVisit();
  const uploadSignature = useUploadVisitSignature();
  const createReport = useCreateReport();
  const uploadReportSignature = useUploadReportSignature();
  const pad = useRef<SignaturePadHandle>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const [checkIn, setCheckIn] = useState<CheckIn | null>(null);
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const method = Form.useWatch('method', form);
  const withReport = Form.useWatch('withReport', form);
  const onSite = method === 'on_site';
  // a visit may carry out one of the caller's maintenance-plan tasks (docs/regulations.md §7)
  const myTasks = useTasks({ view: 'mine', status: 'open', page: 1, pageSize: 100 });
  const maintenanceTasks = (myTasks.data?.items ?? []).filter((task) => task.source === 'maintenance_plan');

  const doCheckIn = () => {
    const at = new Date().toISOString();
    if (!('geolocation' in navigator)) {
      setCheckIn({ at, lat: null, lng: null, accuracyM: null });
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setCheckIn({ at, lat: pos.coords.latitude, lng: pos.coords.longitude, accuracyM: Math.round(pos.coords.accuracy) });
      },
      () => {
        setLocating(false);
        setCheckIn({ at, lat: null, lng: null, accuracyM: null });
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  };

  const save = async (v: Values) => {
    setError(null);
    setSaving(true);
    let visitId: number | null = null;
    try {
      const visit = await create.mutateAsync({
        customerId: v.customerId,
        kind,
        method: kind === 'call' ? 'phone' : v.method,
        visitedAt: v.visitedAt.toISOString(),
        contactName: v.contactName || null,
        purpose: v.purpose || null,
        points: v.points || null,
        satisfaction: kind === 'record' ? ((v.satisfaction as (typeof SATISFACTION)[number] | undefined) ?? null) : null,
        opinions: v.opinions || null,
        countermeasures: v.countermeasures || null,
        result: v.result || null,
        nextStep: v.nextStep || null,
        nextDate: v.nextDate ? v.nextDate.format('YYYY-MM-DD') : null,
        maintenanceTaskId: v.maintenanceTaskId ?? null,
        planLineId: v.planLineId ?? null,
        checkIn: onSite && checkIn ? checkIn : null,
        saveLocation: onSite && checkIn?.lat != null ? !!v.saveLocation : false,
      });
      visitId = visit.id;
      const drawn = kind === 'record' ? await pad.current?.toBlob() : null;
      const signature = drawn ?? photo;
      if (signature) {
        try {
          await uploadSignature.mutateAsync({ id: visit.id, file: signature, filename: photo && !drawn ? photo.name : 'signature.png' });
        } catch (err) {
          message.error(t('visits.form.partial', { what: t('visits.form.signatureWord'), message: describe(err) }));
        }
      }
      if (kind === 'record' && v.withReport && v.report) {
        try {
          const report = await createReport.mutateAsync({ ...v.report, customerId: v.customerId, visitId: visit.id, reportDate: v.visitedAt.format('YYYY-MM-DD') });
          if (signature) await uploadReportSignature.mutateAsync({ id: report.id, file: signature, filename: photo && !drawn ? photo.name : 'signature.png' });
        } catch (err) {
          message.error(t('visits.form.partial', { what: t('visits.form.reportWord'), message: describe(err) }));
        }
      }
      message.success(t('visits.form.saved'));
      navigate(`/visits/${visit.id}`);
    } catch (err) {
      if (visitId === null && !applyFieldErrors(form, err, { 'checkIn.lat': 'method', checkIn: 'method' })) setError(describe(err));
    } finally {
      setSaving(false);
    }
  };

  const title = kind === 'call' ? t('visits.form.titleCall') : t('visits.form.titleRecord');
  return (
    <PageContainer title={title}>
      <Card>
        <Form<Values>
          form={form}
          name={kind === 'call' ? 'visitCall' : 'visitRecord'}
          layout="vertical"
          style={{ maxWidth: 860 }}
          initialValues={{ customerId: presetCustomer, planLineId: presetLine, method: kind === 'call' ? 'phone' : 'on_site', visitedAt: dayjs(), report: { contacts: [] } }}
          onFinish={(v) => void save(v)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              form.submit();
            } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault(); // Enter in a one-line input does not save a half-filled record
          }}
        >
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="customerId" label={t('visits.fields.customer')} rules={[{ required: true }]}>
            <CustomerPicker autoFocus={!presetCustomer} />
          </Form.Item>
          <Space wrap size={16}>
            <Form.Item name="visitedAt" label={t('visits.fields.visitedAt')} rules={[{ required: true }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" autoFocus={!!presetCustomer} />
            </Form.Item>
            {kind === 'record' ? (
              <Form.Item name="method" label={t('visits.fields.method')} rules={[{ required: true }]}>
                <Radio.Group optionType="button" options={(['on_site', 'phone', 'email'] as const).map((m) => ({ value: m, label: t(`visits.methods.${m}`) }))} />
              </Form.Item>
            ) : null}
            <Form.Item name="contactName" label={t('visits.fields.contactName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Space>
          {kind === 'record' && onSite ? (
            <Form.Item label={t('visits.fields.checkIn')}>
              <Flex gap={12} align="center" wrap>
                <Button icon={<AimOutlined aria-hidden />} onClick={doCheckIn} loading={locating}>
                  {locating ? t('visits.form.checkingIn') : t('visits.form.checkIn')}
                </Button>
                {checkIn ? (
                  <Typography.Text role="status">
                    {t('visits.form.checkedIn', { time: formatDateTime(checkIn.at) })}{' '}
                    {checkIn.lat != null && checkIn.lng != null
                      ? t('visits.form.coords', { lat: checkIn.lat.toFixed(5), lng: checkIn.lng.toFixed(5), acc: checkIn.accuracyM ?? '?' })
                      : t('visits.form.noGeo')}
                  </Typography.Text>
                ) : null}
              </Flex>
              {checkIn?.lat != null ? (
                <Form.Item name="saveLocation" valuePropName="checked" noStyle>
                  <Checkbox style={{ marginTop: 8 }}>{t('visits.form.saveLocation')}</Checkbox>
                </Form.Item>
              ) : null}
            </Form.Item>
          ) : null}
          {kind === 'call' ? (
            <Form.Item name="purpose" label={t('visits.fields.purpose')}>
              <Input maxLength={500} />
            </Form.Item>
          ) : null}
          <Form.Item name="points" label={kind === 'call' ? t('visits.fields.callContent') : t('visits.fields.points')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          {kind === 'record' ? (
            <>
              <Form.Item name="satisfaction" label={t('visits.fields.satisfaction')}>
                <Radio.Group optionType="button" options={SATISFACTION.map((s) => ({ value: s, label: t(`visits.satisfaction.${s}`) }))} />
              </Form.Item>
              <Form.Item name="opinions" label={t('visits.fields.opinions')}>
                <Input.TextArea rows={3} maxLength={5000} />
              </Form.Item>
              <Form.Item name="countermeasures" label={t('visits.fields.countermeasures')}>
                <Input.TextArea rows={2} maxLength={5000} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="result" label={t('visits.fields.result')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          )}
          <Space wrap size={16} align="start">
            <Form.Item name="nextStep" label={t('visits.fields.nextStep')} style={{ minWidth: 360 }}>
              <Input maxLength={1000} />
            </Form.Item>
            <Form.Item name="nextDate" label={t('visits.fields.nextDate')} extra={t('visits.form.nextStepHint')}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Space>
          {planLines.length ? (
            <Form.Item name="planLineId" label={t('visits.plans.planLine')} extra={t('visits.plans.planLineHint')}>
              <Select
                allowClear
                options={planLines.map((l) => ({ value: l.id, label: t('common.withNote', { text: `${l.plannedOn} ${l.purpose}`, note: `${t(`visits.plans.kinds.${l.planKind}`)} ${l.planPeriod}` }) }))}
              />
            </Form.Item>
          ) : null}
          {maintenanceTasks.length ? (
            <Form.Item name="maintenanceTaskId" label={t('visits.fields.maintenanceTask')}>
              <Select allowClear options={maintenanceTasks.map((task) => ({ value: task.id, label: t('common.withNote', { text: task.title, note: task.dueDate }) }))} />
            </Form.Item>
          ) : null}
          {kind === 'record' ? (
            <>
              <Form.Item label={t('visits.fields.signature')}>
                <SignaturePad ref={pad} />
                <Flex gap={8} align="center" style={{ marginTop: 8 }}>
                  <label>
                    <Typography.Text type="secondary">{t('visits.form.photo')} </Typography.Text>
                    <input type="file" accept="image/png,image/jpeg" aria-label={t('visits.form.photo')} onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
                  </label>
                  {photo ? <Typography.Text>{t('visits.form.photoChosen', { name: photo.name })}</Typography.Text> : null}
                </Flex>
              </Form.Item>
              <Form.Item name="withReport" valuePropName="checked">
                <Checkbox>{t('visits.form.withReport')}</Checkbox>
              </Form.Item>
              {withReport ? (
                <Card size="small" title={t('visits.report.title')} style={{ marginBottom: 16 }}>
                  <ReportFields form={form} prefix={['report']} />
                </Card>
              ) : null}
            </>
          ) : null}
          <Flex gap={8} align="center">
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            <Typography.Text type="secondary">{t('visits.form.saveHint')}</Typography.Text>
          </Flex>
        </Form>
      </Card>
    </PageContainer>
  );
}
