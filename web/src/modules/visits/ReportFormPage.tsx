import { Alert, App, Button, Card, DatePicker, Flex, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import type { VisitReportInput } from '../../api/contract/visits';
import { CustomerPicker } from '../../components/CustomerPicker';
import { useDescribeError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { useCreateReport, useUploadReportSignature } from './hooks';
import { ReportFields } from './ReportFields';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';

type Values = Omit<VisitReportInput, 'reportDate' | 'visitId'> & { reportDate: Dayjs };

/** /visits/reports/new — the 走访客户报告单 on its own (or for a visit: `?visitId=`), with the live score and the customer's signature. */
export default function ReportFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const visitId = Number(params.get('visitId')) || null;
  const [form] = Form.useForm<Values>();
  const create = useCreateReport();
  const upload = useUploadReportSignature();
  const describe = useDescribeError();
  const pad = useRef<SignaturePadHandle>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (v: Values) => {
    setError(null);
    try {
      const r = await create.mutateAsync({ ...v, visitId, reportDate: v.reportDate.format('YYYY-MM-DD') });
      const drawn = await pad.current?.toBlob();
      if (drawn) await upload.mutateAsync({ id: r.id, file: drawn, filename: 'signature.png' }).catch((err) => message.error(t('visits.form.partial', { what: t('visits.form.signatureWord'), message: describe(err) })));
      message.success(t('visits.report.saved'));
      navigate(`/visits/reports/${r.id}/print`);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(describe(err));
    }
  };
  return (
    <PageContainer title={t('visits.report.newTitle')}>
      <Card>
        <Form<Values>
          form={form}
          name="visitReport"
          layout="vertical"
          style={{ maxWidth: 860 }}
          initialValues={{ customerId: Number(params.get('customerId')) || undefined, reportDate: dayjs(), contacts: [] }}
          onFinish={(v) => void save(v)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              form.submit();
            } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
          }}
        >
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="customerId" label={t('visits.report.customerName')} rules={[{ required: true }]}>
            <CustomerPicker autoFocus disabled={!!visitId} />
          </Form.Item>
          <ReportFields form={form} />
          <Form.Item label={t('visits.report.stamp')}>
            <SignaturePad ref={pad} />
          </Form.Item>
          <Form.Item name="reportDate" label={t('visits.report.reportDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Flex gap={8} align="center">
            <Button type="primary" htmlType="submit" loading={create.isPending}>
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
