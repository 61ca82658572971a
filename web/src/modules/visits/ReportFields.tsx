import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportScales } from '../../api/contract/visits';
import { useScales } from './hooks';

/** The three rows of the 走访客户报告单 with each choice's points, the live score, suggestions and contacts (docs/regulations.md §8). */
export function ReportFields({ form, prefix = [] }: { form: FormInstance; prefix?: string[] }) {
  const { t } = useTranslation();
  const name = (n: string) => [...prefix, n];
  const quality = Form.useWatch(name('quality'), form);
  const service = Form.useWatch(name('service'), form);
  const brand = Form.useWatch(name('brand'), form);
  const scales = useScales().data;
  const pointsOf = (field: keyof ReportScales, v: string | undefined) => scales?.[field].find((c) => c.value === v)?.points;
  const q = pointsOf('quality', quality);
  const s = pointsOf('service', service);
  const b = pointsOf('brand', brand);
  // the seed gives no total: the average of the three, one decimal, as the server computes it
  const score = q !== undefined && s !== undefined && b !== undefined ? { quality: q, service: s, brand: b, average: Math.round(((q + s + b) / 3) * 10) / 10 } : null;
  const row = (field: keyof ReportScales, labels: string) => (
    <Form.Item name={name(field)} label={t(`visits.report.${field}`)} rules={[{ required: true }]}>
      <Radio.Group
        optionType="button"
        options={(scales?.[field] ?? []).map((c) => ({ value: c.value, label: `${t(`visits.report.${labels}.${c.value}`)} ${c.points}` }))}
      />
    </Form.Item>
  );
  return (
    <>
      {row('quality', 'qualities')}
      {row('service', 'services')}
      {row('brand', 'brands')}
      <Alert
        role="status"
        style={{ marginBottom: 16 }}
        type={score ? 'success' : 'info'}
        title={score ? t('visits.report.liveScore', { quality: score.quality, service: score.service, brand: score.brand, average: score.average }) : t('visits.report.liveScorePending')}
      />
      <Form.Item name={name('suggestions')} label={t('visits.report.suggestions')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.List name={name('contacts')}>
        {(fields, { add, remove }) => (
          <Form.Item label={t('visits.report.contacts')}>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="top">
                <Col xs={24} sm={5}>
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true }]} initialValue="head">
                    <Select aria-label={t('visits.report.role')} options={(['head', 'business'] as const).map((r) => ({ value: r, label: t(`visits.report.roles.${r}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={4}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input aria-label={t('visits.report.contactName')} placeholder={t('visits.report.contactName')} maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={4}>
                  <Form.Item name={[f.name, 'position']}>
                    <Input aria-label={t('visits.report.position')} placeholder={t('visits.report.position')} maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={5}>
                  <Form.Item name={[f.name, 'phone']}>
                    <Input aria-label={t('visits.report.phone')} placeholder={t('visits.report.phone')} maxLength={30} />
                  </Form.Item>
                </Col>
                <Col xs={10} sm={5}>
                  <Form.Item name={[f.name, 'mobile']}>
                    <Input aria-label={t('visits.report.mobile')} placeholder={t('visits.report.mobile')} maxLength={30} />
                  </Form.Item>
                </Col>
                <Col xs={2} sm={1}>
                  <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('visits.report.removeContact')} onClick={() => remove(f.name)} />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ role: fields.length ? 'business' : 'head' })}>
              {t('visits.report.addContact')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name={name('signedBy')} label={t('visits.report.signedBy')}>
        <Input maxLength={50} />
      </Form.Item>
    </>
  );
}
