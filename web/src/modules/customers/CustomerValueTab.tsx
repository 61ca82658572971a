import { Card, Col, Empty, Row, Spin } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { customerPageItems } from '../../app/module';
import { useWebModules } from '../../app/WebModulesContext';
import { useCan } from '../auth/hooks';

/**
 * 客户价值: one look at what the customer is worth and how it stands — class, grade, evaluation, credit, risks,
 * tier. Each section comes from the module that owns the data (`WebModule.customerValue`).
 */
export function CustomerValueTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const sections = customerPageItems(useWebModules(), 'customerValue', can);
  if (sections.length === 0) return <Empty description={t('customers.valuePanel.empty')} />;
  return (
    <Row gutter={[16, 16]}>
      {sections.map(({ key, labelKey, component: Section }) => (
        <Col key={key} xs={24} md={12} xl={8}>
          <Card size="small" title={t(labelKey)} style={{ height: '100%' }} data-section={key}>
            <Suspense fallback={<Spin />}>
              <Section customerId={customerId} />
            </Suspense>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
