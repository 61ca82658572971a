import { Alert, Button, Card, Flex, Form, Input, Result, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useDescribeError } from '../../components/errors';
import { FullPageSpin } from '../../components/status';
import { usePublicAnswer, usePublicSurvey } from './hooks';
import { type AnswerValues, QuestionnaireFields, toAnswerInputs } from './QuestionnaireForm';

type Values = AnswerValues & { respondentName?: string };

/** Why a link cannot be answered, as the server said (410 reason, 404, 429). */
function Unavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const reason = error instanceof ApiError ? (error.status === 410 ? String(error.details.reason ?? 'used') : error.status === 404 ? 'invalid' : error.status === 429 ? 'busy' : 'failed') : 'failed';
  const status = reason === 'used' ? 'success' : reason === 'failed' || reason === 'busy' ? 'warning' : 'info';
  return <Result status={status} title={t(`surveys.public.unavailable.${reason}`)} subTitle={describe(error)} />;
}

/**
 * /public/survey/:token — the customer's personal questionnaire, without login (issue 5 point 9). The link
 * works once; a used, expired or closed link shows why in plain words (the server answers 410).
 */
export default function PublicSurveyPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const { token: theme0 } = theme.useToken();
  const survey = usePublicSurvey(token);
  const answer = usePublicAnswer(token);
  const describe = useDescribeError();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [gone, setGone] = useState<unknown>(null);

  useEffect(() => {
    if (survey.data) document.title = `${survey.data.templateName} - ${survey.data.campaignTitle}`;
  }, [survey.data]);

  const submit = (values: Values) => {
    if (!survey.data) return;
    setError(null);
    answer.mutate(
      { respondentName: values.respondentName?.trim() || null, answers: toAnswerInputs(survey.data.definition, values) },
      {
        onSuccess: () => setDone(true),
        onError: (err) => {
          if (err instanceof ApiError && (err.status === 410 || err.status === 404)) setGone(err);
          else if (!applyFieldErrors(form, err)) setError(describe(err));
        },
      },
    );
  };

  let body;
  if (survey.isPending) body = <FullPageSpin />;
  else if (gone || survey.isError) body = <Unavailable error={gone ?? survey.error} />;
  else if (done) body = <Result status="success" title={t('surveys.public.thanksTitle')} subTitle={t('surveys.public.thanks')} />;
  else {
    const s = survey.data;
    body = (
      <Form<Values> form={form} name="public-survey" layout="vertical" onFinish={submit} scrollToFirstError>
        <Flex vertical gap={16}>
          <div>
            <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
              {s.templateName}
            </Typography.Title>
            <Typography.Text type="secondary">{s.campaignTitle}</Typography.Text>
          </div>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{t('surveys.public.to', { name: s.customerName })}</Typography.Paragraph>
          {s.intro ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.intro}</Typography.Paragraph> : null}
          {s.expiresAt ? <Typography.Text type="secondary">{t('surveys.public.expires', { date: s.expiresAt.slice(0, 10) })}</Typography.Text> : null}
          <Form.Item name="respondentName" label={t('surveys.public.respondentName')} style={{ maxWidth: 320, marginBottom: 0 }}>
            <Input maxLength={50} autoFocus />
          </Form.Item>
          <QuestionnaireFields definition={s.definition} />
          {error ? <Alert type="error" showIcon title={error} /> : null}
          <Button type="primary" htmlType="submit" size="large" loading={answer.isPending} block>
            {t('surveys.public.submit')}
          </Button>
        </Flex>
      </Form>
    );
  }

  return (
    <main style={{ minHeight: '100vh', background: theme0.colorBgLayout, padding: '24px 12px' }}>
      <Flex justify="space-between" align="center" style={{ maxWidth: 760, margin: '0 auto 12px' }}>
        <Typography.Text strong>{t('app.fullName')}</Typography.Text>
        <LanguageSwitch compact />
      </Flex>
      <Card style={{ maxWidth: 760, margin: '0 auto' }}>{body}</Card>
    </main>
  );
}
