import type { Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import type { NamedMigration } from '../../../db/migrations/helpers';

/**
 * The two questionnaires of seed 003 (第二章 客户调研: (三) 客户需求调查表 and (六) 客户满意度调查表),
 * shipped as ready, published templates (issue 5 point 8). Their wording is the seed's; the header
 * fields (姓名 / 工作单位 / 客户名称 / 地址 / 联系方式) are known from the customer's archive and the
 * respondent's name is asked on the answer page, so they are not questions. "请在您认为合适的选项上画
 * ✓" becomes "请选择": the form is answered on screen. The data is written here, not imported from the
 * module, so that this migration stays what it was when it first ran.
 */

const scale = (key: string, text: string, required = true) => ({ key, type: 'scale', text, required });

const SATISFACTION = {
  name: '客户满意度调查表',
  description: '产品与服务满意度年度调查（003 第二章 (六)；docs/regulations.md §11）',
  intro:
    '尊敬的客户：您好！为进一步改进和提高本公司产品的质量及服务工作，并能持续满足您的要求，以便更好地为您提供服务，现征询您对本公司及产品的满意程度（请选择您认为合适的选项），希望得到您的支持！谢谢合作！',
  definition: {
    sections: [
      {
        title: '产品',
        questions: [
          { key: 'product_bought', type: 'text', text: '购买的产品', required: false },
          { key: 'info_channel', type: 'single', text: '了解公司产品的渠道', required: false, options: ['广告', '专业报刊杂志', '朋友介绍', '其他，请说明'], otherText: true },
          scale('product_function', '产品功能'),
          scale('product_quality', '产品质量'),
          scale('product_price', '产品价格'),
          scale('product_packaging', '产品包装'),
          { key: 'product_competitiveness', type: 'single', text: '产品竞争力', required: true, options: ['强', '一般', '较弱'] },
          { key: 'product_fit', type: 'single', text: '公司的产品是否能满足您的要求', required: true, options: ['完全满足', '基本满足', '不太满足', '非常不满足'] },
        ],
      },
      {
        title: '服务',
        questions: [
          scale('service_attitude', '工作态度'),
          scale('service_responsibility', '工作责任心'),
          scale('service_efficiency', '服务效率'),
          scale('service_skill', '服务人员的技术水平'),
          // Not every customer has complained or needed a repair: these three may be left out.
          scale('complaint_handling', '投诉问题的处理', false),
          scale('repair_quality', '维修质量', false),
          scale('fault_resolution', '产品出现故障后的解决', false),
          scale('service_overall', '整体服务水平评价'),
        ],
      },
      {
        title: '其他',
        questions: [
          { key: 'improve_service', type: 'text', text: '您认为本公司的服务在哪些方面还需要改进', required: false },
          { key: 'improve_product', type: 'text', text: '对本公司提供的产品有何改进的建议或意见', required: false },
        ],
      },
    ],
  },
};

const NEEDS = {
  name: '客户需求调查表',
  description: '了解并分析客户需求（003 第二章 (三)）',
  intro:
    '尊敬的客户：您好！感谢您对本公司的关注和支持，希望我们为您提供的产品和服务能满足您的需求，并令您感到满意。为了及时了解您的反馈信息及需求，请协助我们填写下表（选择性的问题请选择您认为合适的选项）。我们将会在第一时间回复您！非常感谢您的支持！',
  definition: {
    sections: [
      {
        title: '客户需求',
        questions: [
          { key: 'service_wishes', type: 'text', text: '您希望本公司的产品能为您提供哪些方面的服务', required: false },
          { key: 'revisit_mode', type: 'single', text: '如果我们公司对您进行回访，您希望以下列哪种方式进行', required: true, options: ['上门回访', '电话沟通', '其他，请说明'], otherText: true },
          { key: 'contact_modes', type: 'multiple', text: '如果您需要相关信息，希望的联系方式（可多选）', required: true, options: ['上门拜访', 'E-mail', '邮寄', '电话联系', '传真'] },
          { key: 'other_requests', type: 'text', text: '其他要求', required: false },
        ],
      },
    ],
  },
};

export function surveySeedTemplates20261124(_kind: DialectKind): NamedMigration {
  return {
    name: '20261124_71_survey_seed_templates',
    async up(db: Kysely<any>) {
      const now = new Date().toISOString();
      for (const [builtinKey, form] of [
        ['satisfaction_003', SATISFACTION],
        ['needs_003', NEEDS],
      ] as const) {
        const exists = await db.selectFrom('survey_templates').select('id').where('builtin_key', '=', builtinKey).executeTakeFirst();
        if (exists) continue;
        const row = await db
          .insertInto('survey_templates')
          .values({
            version_no: 1,
            name: form.name,
            description: form.description,
            intro: form.intro,
            definition: JSON.stringify(form.definition),
            status: 'published',
            builtin_key: builtinKey,
            published_at: now,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db.updateTable('survey_templates').set({ family_id: row.id }).where('id', '=', row.id).execute();
      }
    },
  };
}
