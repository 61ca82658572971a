import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';
import { seedReferenceLabels } from '../../../db/migrations/20261212_20_00_reference_labels';

/** The shipped complaint categories (the default of complaints.categories) in 繁體中文 and English. */
export function complaintCategoryLabels20261212(_kind: DialectKind): NamedMigration {
  return {
    name: '20261212_20_20_complaint_category_labels',
    async up(db: Kysely<any>) {
      await seedReferenceLabels(
        db,
        'complaint_categories',
        [
          ['产品质量', '產品品質', 'Product quality'],
          ['服务态度', '服務態度', 'Service attitude'],
          ['配送交付', '配送交付', 'Delivery'],
          ['费用账单', '費用帳單', 'Charges and billing'],
          ['其他', '其他', 'Other'],
        ],
        new Date().toISOString(),
      );
    },
  };
}
