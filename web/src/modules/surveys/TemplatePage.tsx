import { CopyOutlined, DeleteOutlined, EditOutlined, MinusCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useDescribeError, useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { RecordGate } from '../../components/status';
import { useSaveTemplate, useTemplate, useTemplateAction } from './hooks';
import { TEMPLATE_COLOR, label, templatePath } from './labels';
import { QUESTION_TYPES, type Question, type QuestionType, type Section, type Template, type TemplateInput } from '../../api/contract/surveys';

interface Values {
  name: string;
  description?: string;
  intro?: string;
  sections: { title: string; questions: (Omit<Question, 'options'> & { options?: string[] })[] }[];
}

let keySeq = 0;
/** A key for a new question: stable once saved (answers and comparisons match questions by key). */
const newKey = () => `q${Date.now().toString(36)}${(keySeq++).toString(36)}`;
const newQuestion = (): Question => ({ key: newKey(), type: 'scale', text: '', required: true });

function toInput(v: Values): TemplateInput {
  return {
    name: v.name?.trim(),
    description: v.description?.trim() || null,
    intro: v.intro?.trim() || null,
    sections: (v.sections ?? []).map((s) => ({
      title: s.title?.trim(),
      questions: (s.questions ?? []).map((q) => {
        const choice = q.type === 'single' || q.type === 'multiple';
        return { key: q.key, type: q.type, text: q.text?.trim(), required: !!q.required, ...(choice ? { options: q.options ?? [], otherText: !!q.otherText } : {}) };
      }),
    })),
  };
}

/** The questions as the customer will see them, without inputs. */
function Preview({ sections }: { sections: Section[] }) {
  const { t } = useTranslation();
  let n = 0;
  return (
    <Flex vertical gap={12}>
      {sections.map((s, i) => (
        <Card key={i} size="small" title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{s.title}</Typography.Title>}>
          <ol start={n + 1} style={{ margin: 0, paddingInlineStart: 24 }}>
            {s.questions.map((q) => {
              n++;
              const options = q.type === 'scale' ? [5, 4, 3, 2, 1].map((x) => t(`surveys.scale.${x}`)) : (q.options ?? []);
              return (
                <li key={q.key} style={{ marginBottom: 8 }}>
                  <Flex gap={6} wrap align="center">
                    <span>{q.text}</span>
                    <Tag>{label(t, 'questionType', q.type)}</Tag>
                    {q.required ? <Tag color="red">{t('surveys.template.required')}</Tag> : null}
                  </Flex>
                  {options.length ? <Typography.Text type="secondary">{options.join(' / ')}</Typography.Text> : null}
                </li>
              );
            })}
          </ol>
        </Card>
      ))}
    </Flex>
  );
}

function Editor({ template, onDone }: { template?: Template; onDone: (saved: Template, created: boolean) => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [form] = Form.useForm<Values>();
  const save = useSaveTemplate();
  const [error, setError] = useState<string | null>(null);
  const initial = useMemo<Values>(
    () =>
      template
        ? { name: template.name, description: template.description ?? '', intro: template.intro ?? '', sections: structuredClone(template.definition.sections) }
        : { name: '', description: '', intro: '', sections: [{ title: '', questions: [newQuestion()] }] },
    [template],
  );

  const submit = (v: Values) => {
    setError(null);
    save.mutate(
      { ...toInput(v), ...(template ? { id: template.id, version: template.version } : {}) },
      {
        onSuccess: (saved) => onDone(saved, !!template && saved.id !== template.id),
        onError: (err) => {
          if (err instanceof ApiError && err.isStaleVersion) setError(t('errors.stale'));
          else if (!applyFieldErrors(form, err)) setError(describe(err));
        },
      },
    );
  };

  return (
    <Form<Values> form={form} name="survey-template" layout="vertical" initialValues={initial} onFinish={submit} scrollToFirstError>
      {template?.status === 'published' ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('surveys.template.frozenHint', { version: template.versionNo + 1 })} /> : null}
      {error ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="name" label={t('surveys.template.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="description" label={t('surveys.template.description')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="intro" label={t('surveys.template.intro')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Card>
      <Form.List name="sections">
        {(sections, { add: addSection, remove: removeSection }) => (
          <Flex vertical gap={16}>
            {sections.map((section, si) => (
              <Card
                key={section.key}
                size="small"
                title={t('surveys.template.sectionN', { n: si + 1 })}
                extra={
                  sections.length > 1 ? (
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => removeSection(section.name)} aria-label={t('surveys.template.removeSection', { n: si + 1 })} />
                  ) : null
                }
              >
                <Form.Item name={[section.name, 'title']} label={t('surveys.template.sectionTitle')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.List name={[section.name, 'questions']}>
                  {(questions, { add, remove }) => (
                    <Flex vertical gap={8}>
                      {questions.map((question, qi) => (
                        <Card key={question.key} size="small" type="inner" title={t('surveys.template.questionN', { n: qi + 1 })} extra={<Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(question.name)} aria-label={t('surveys.template.removeQuestion', { n: qi + 1 })} />}>
                          <Form.Item name={[question.name, 'key']} hidden>
                            <Input />
                          </Form.Item>
                          <Flex gap={8} wrap>
                            <Form.Item name={[question.name, 'type']} label={t('surveys.template.type')} style={{ width: 160 }}>
                              <Select options={QUESTION_TYPES.map((q) => ({ value: q, label: label(t, 'questionType', q) }))} />
                            </Form.Item>
                            <Form.Item name={[question.name, 'text']} label={t('surveys.template.questionText')} style={{ flex: 1, minWidth: 240 }} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                              <Input maxLength={500} />
                            </Form.Item>
                            <Form.Item name={[question.name, 'required']} valuePropName="checked" label=" ">
                              <Checkbox>{t('surveys.template.required')}</Checkbox>
                            </Form.Item>
                          </Flex>
                          <Form.Item noStyle shouldUpdate>
                            {({ getFieldValue }) => {
                              const type = getFieldValue(['sections', section.name, 'questions', question.name, 'type']) as QuestionType;
                              if (type !== 'single' && type !== 'multiple') return null;
                              return (
                                <Flex gap={8} wrap align="end">
                                  <Form.Item name={[question.name, 'options']} label={t('surveys.template.options')} style={{ flex: 1, minWidth: 240 }} extra={t('surveys.template.optionsHint')}>
                                    <Select mode="tags" open={false} tokenSeparators={['\n', '；', ';'] /* i18n-exempt: either semicolon separates options */} />
                                  </Form.Item>
                                  <Form.Item name={[question.name, 'otherText']} valuePropName="checked">
                                    <Checkbox>{t('surveys.template.otherText')}</Checkbox>
                                  </Form.Item>
                                </Flex>
                              );
                            }}
                          </Form.Item>
                        </Card>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newQuestion())}>
                        {t('surveys.template.addQuestion')}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => addSection({ title: '', questions: [newQuestion()] })}>
              {t('surveys.template.addSection')}
            </Button>
            <Flex justify="flex-end">
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {template?.status === 'published' ? t('surveys.template.saveAsVersion') : t('common.save')}
              </Button>
            </Flex>
          </Flex>
        )}
      </Form.List>
    </Form>
  );
}

function TemplateView({ template }: { template: Template }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const action = useTemplateAction();
  // A draft is edited right here; a published version only after asking to (saving makes the next version).
  const [editPublished, setEditPublished] = useState(false);
  const editing = template.can.edit && (template.status === 'draft' || editPublished);
  const extra = [];
  if (template.can.edit && !editing)
    extra.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => setEditPublished(true)}>
        {template.status === 'published' ? t('surveys.template.editAsVersion') : t('common.edit')}
      </Button>,
    );
  if (template.can.publish)
    extra.push(
      <Popconfirm key="publish" title={t('surveys.template.publishConfirm')} onConfirm={() => action.mutate({ id: template.id, action: 'publish', version: template.version }, { onSuccess: () => void message.success(t('surveys.template.published')), onError: notifyError })}>
        <Button type="primary" icon={<SendOutlined />}>
          {t('surveys.template.publish')}
        </Button>
      </Popconfirm>,
    );
  if (template.can.delete)
    extra.push(
      <Popconfirm key="delete" title={t('surveys.template.deleteConfirm')} onConfirm={() => action.mutate({ id: template.id, action: 'delete' }, { onSuccess: () => navigate('/surveys?tab=templates'), onError: notifyError })}>
        <Button danger icon={<DeleteOutlined />}>
          {t('surveys.template.deleteDraft')}
        </Button>
      </Popconfirm>,
    );
  extra.push(
    <Button key="copy" icon={<CopyOutlined />} onClick={() => action.mutate({ id: template.id, action: 'copy' }, { onSuccess: (tpl) => tpl && navigate(templatePath(tpl.id)), onError: notifyError })}>
      {t('surveys.template.copy')}
    </Button>,
  );

  return (
    <PageContainer
      title={
        <Flex gap={8} align="center" wrap>
          {template.name}
          <Tag>{`v${template.versionNo}`}</Tag>
          <Tag color={TEMPLATE_COLOR[template.status]}>{label(t, 'templateStatus', template.status)}</Tag>
        </Flex>
      }
      documentTitle={template.name}
      extra={extra}
    >
      <Flex vertical gap={16}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'desc', label: t('surveys.template.description'), children: template.description ?? t('common.none') },
            { key: 'published', label: t('surveys.template.publishedAt'), children: template.publishedAt ? `${formatDateTime(template.publishedAt)} ${template.publishedByName ?? ''}` : t('common.none') },
            { key: 'used', label: t('surveys.template.usedBy'), children: template.usedByCampaigns },
            {
              key: 'versions',
              label: t('surveys.template.versions'),
              children: (
                <Space wrap>
                  {template.versions.map((v) =>
                    v.id === template.id ? (
                      <Tag key={v.id} color="blue">{`v${v.versionNo} ${label(t, 'templateStatus', v.status)}`}</Tag>
                    ) : (
                      <Link key={v.id} to={templatePath(v.id)}>{`v${v.versionNo} ${label(t, 'templateStatus', v.status)}`}</Link>
                    ),
                  )}
                </Space>
              ),
            },
          ]}
        />
        {editing ? (
          <Editor
            template={template}
            onDone={(saved, created) => {
              if (created) {
                void message.success(t('surveys.template.versionCreated', { version: saved.versionNo }));
                navigate(templatePath(saved.id));
              } else void message.success(t('common.saved'));
            }}
          />
        ) : (
          <>
            {template.intro ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{template.intro}</Typography.Paragraph> : null}
            <Preview sections={template.definition.sections} />
          </>
        )}
      </Flex>
    </PageContainer>
  );
}

/** /surveys/templates/new and /surveys/templates/:id: a questionnaire; a published version is frozen (point 8). */
export default function TemplatePage() {
  const { id: idParam } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isNew = idParam === undefined;
  const id = Number(idParam);
  const template = useTemplate(isNew ? 0 : id);
  if (isNew) {
    return (
      <PageContainer title={t('surveys.template.new')}>
        <Editor onDone={(saved) => navigate(templatePath(saved.id), { replace: true })} />
      </PageContainer>
    );
  }
  return (
    <RecordGate id={id} query={template}>
      {(tpl) => <TemplateView key={tpl.id} template={tpl} />}
    </RecordGate>
  );
}
