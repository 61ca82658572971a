import { Alert, Card, Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '../../components/PageContainer';
import { useCan, useCurrentUser } from '../auth/hooks';
import { useCalendarStatus } from '../calendar/hooks';

/** Reminds calendar managers that next year's State Council schedule is missing (issue 2 §8). */
function HolidayScheduleWarning() {
  const { t } = useTranslation();
  const { data } = useCalendarStatus();
  if (!data?.warn) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('home.holidayWarning', { nextYear: data.nextYear })}
      action={<Link to="/calendar">{t('home.goCalendar')}</Link>}
    />
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();

  return (
    <PageContainer title={t('home.greeting', { name: user.displayName })} documentTitle={t('nav.home')}>
      {can('calendar.manage') ? <HolidayScheduleWarning /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{t('home.todo')}</Typography.Title>}>
            {/* Later modules (complaints, visits …) contribute items here; until then there is honestly nothing. */}
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.todoEmpty')} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
