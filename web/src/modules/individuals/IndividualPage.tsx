import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { useIndividual } from './hooks';
import { genderLabel } from './labels';
import { RevealIndividualValue } from './RevealIndividualValue';
import { StaysSection } from './StaysSection';

/** /individuals/:id — one VIP guest: the record and the guest's stays with the meeting rule (docs/regulations.md §9). */
export default function IndividualPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useIndividual(id);
  const none = '—';
  return (
    <RecordGate id={id} query={q} notFound={<NotFound message={t('individuals.notFound')} back={{ to: '/individuals', label: t('individuals.back') }} />}>
      {(g) => (
        <PageContainer title={g.name}>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'gender', label: t('individuals.gender'), children: g.gender ? genderLabel(t, g.gender) : none },
                { key: 'birthday', label: t('individuals.birthday'), children: g.birthday ?? none },
                { key: 'nationality', label: t('individuals.nationality'), children: g.nationality ?? none },
                { key: 'mobile', label: t('individuals.mobile'), children: <RevealIndividualValue individualId={g.id} field="mobile" masked={g.mobile} label={`${g.name} ${t('individuals.mobile')}`} /> },
                { key: 'owner', label: t('individuals.owner'), children: g.ownerName ?? none },
                { key: 'notes', label: t('individuals.notes'), children: g.notes ?? none },
              ]}
            />
          </Card>
          <Card size="small" title={t('individuals.stays.title')} style={{ marginTop: 16 }}>
            <StaysSection individualId={g.id} guestName={g.name} />
          </Card>
        </PageContainer>
      )}
    </RecordGate>
  );
}
