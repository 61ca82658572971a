import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { NotFound, RecordGate } from '../../components/status';
import '../../components/a4-sheet.css';
import { useThankYou } from './hooks';

/** /reception/tours/:id/thank-you — the thank-you letter after an important visit, from the template setting, on A4. */
export default function ThankYouPrintPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const letter = useThankYou(id);
  return (
    <RecordGate id={id} query={letter} notFound={<NotFound message={t('reception.tours.notFound')} />}>
      {(l) => (
        <div>
          <div className="gx-a4-toolbar">
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/reception/tours/${id}`)}>
              {t('reception.tours.back')}
            </Button>
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('reception.print')}
            </Button>
          </div>
          <article className="gx-a4" aria-label={t('reception.thankYou.title')}>
            <h1>{t('reception.thankYou.title')}</h1>
            <div style={{ whiteSpace: 'pre-wrap', lineHeight: 2 }}>{l.text}</div>
          </article>
        </div>
      )}
    </RecordGate>
  );
}
