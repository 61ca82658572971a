import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';
import { seedReferenceLabels } from '../../../db/migrations/20261212_20_00_reference_labels';

/** The shipped industry classes (docs/regulations.md §3) in 繁體中文 and English; records keep the zh-CN value. */
export function industryLabels20261212(_kind: DialectKind): NamedMigration {
  return {
    name: '20261212_20_10_industry_labels',
    async up(db: Kysely<any>) {
      await seedReferenceLabels(
        db,
        'industries',
        [
          ['制造业', '製造業', 'Manufacturing'],
          ['金融业', '金融業', 'Finance'],
          ['批发和零售业', '批發和零售業', 'Wholesale and retail'],
          ['信息技术服务', '資訊科技服務', 'IT services'],
          ['建筑业', '建築業', 'Construction'],
          ['交通运输和物流', '交通運輸和物流', 'Transport and logistics'],
          ['住宿和餐饮业', '住宿和餐飲業', 'Hotels and catering'],
          ['房地产业', '房地產業', 'Real estate'],
          ['教育', '教育', 'Education'],
          ['医疗卫生', '醫療衛生', 'Healthcare'],
          ['能源化工', '能源化工', 'Energy and chemicals'],
          ['农林牧渔', '農林牧漁', 'Agriculture, forestry and fishing'],
          ['文化传媒', '文化傳媒', 'Culture and media'],
          ['政府及公共事业', '政府及公共事業', 'Government and public utilities'],
          ['其他', '其他', 'Other'],
        ],
        new Date().toISOString(),
      );
    },
  };
}
