import { Card, Checkbox, Flex, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AnswerInput, type Definition, type Question, SCALE_SCORES } from '../../api/contract/surveys';

/** Form values of a questionnaire: one value per question key (score, option, options or text), and the 其他 explanations. */
export interface AnswerValues {
  answers?: Record<string, number | string | string[] | undefined>;
  others?: Record<string, string | undefined>;
}

/** The answer list the API takes, from the form's values (unanswered questions left out). */
export function toAnswerInputs(def: Definition, values: AnswerValues): AnswerInput[] {
  const out: AnswerInput[] = [];
  for (const q of def.sections.flatMap((s) => s.questions)) {
    const v = values.answers?.[q.key];
    const other = values.others?.[q.key]?.trim() || null;
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (q.type === 'scale') out.push({ key: q.key, score: Number(v) });
    else if (q.type === 'text') out.push({ key: q.key, text: String(v) });
    else out.push({ key: q.key, choices: Array.isArray(v) ? v : [String(v)], text: other });
  }
  return out;
}

const isOtherChosen = (q: Question, v: unknown) => {
  if (!q.otherText || !q.options?.length) return false;
  const last = q.options[q.options.length - 1];
  return Array.isArray(v) ? v.includes(last) : v === last;
};

function QuestionField({ q, n }: { q: Question; n: number }) {
  const { t } = useTranslation();
  const rules = q.required ? [{ required: true, message: t('surveys.answer.required') }] : [];
  const label = (
    <span>
      {n}. {q.text}
      {q.type === 'multiple' ? <Typography.Text type="secondary">{t('surveys.answer.multipleHint')}</Typography.Text> : null}
    </span>
  );
  if (q.type === 'text') {
    return (
      <Form.Item name={['answers', q.key]} label={label} rules={rules}>
        <Input.TextArea aria-label={q.text} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
    );
  }
  const control =
    q.type === 'scale' ? (
      <Radio.Group aria-label={q.text} options={SCALE_SCORES.map((s) => ({ value: s, label: t(`surveys.scale.${s}`) }))} />
    ) : q.type === 'single' ? (
      <Radio.Group aria-label={q.text} options={(q.options ?? []).map((o) => ({ value: o, label: o }))} />
    ) : (
      <Checkbox.Group options={(q.options ?? []).map((o) => ({ value: o, label: o }))} />
    );
  return (
    <>
      <Form.Item name={['answers', q.key]} label={label} rules={rules} style={q.otherText ? { marginBottom: 8 } : undefined}>
        {control}
      </Form.Item>
      {q.otherText ? (
        <Form.Item noStyle shouldUpdate={(a: AnswerValues, b: AnswerValues) => a.answers?.[q.key] !== b.answers?.[q.key]}>
          {({ getFieldValue }) =>
            isOtherChosen(q, getFieldValue(['answers', q.key])) ? (
              <Form.Item name={['others', q.key]} label={t('surveys.answer.otherExplain')}>
                <Input maxLength={200} />
              </Form.Item>
            ) : null
          }
        </Form.Item>
      ) : null}
    </>
  );
}

/**
 * The questions of a questionnaire as form fields (inside the caller's `<Form>`), section by section and
 * numbered throughout, as on the paper form: the public answer page and the staff entry dialog use it.
 */
export function QuestionnaireFields({ definition, bordered = true }: { definition: Definition; bordered?: boolean }) {
  let n = 0;
  return (
    <Flex vertical gap={16}>
      {definition.sections.map((s, i) => (
        <Card key={i} size="small" variant={bordered ? 'outlined' : 'borderless'} title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{s.title}</Typography.Title>}>
          {s.questions.map((q) => (
            <QuestionField key={q.key} q={q} n={++n} />
          ))}
        </Card>
      ))}
    </Flex>
  );
}
