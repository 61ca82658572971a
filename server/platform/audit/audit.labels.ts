import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Lang } from '../http/i18n';
import { createOwnership } from '../ownership';
import { SETTINGS_BY_KEY } from '../settings/settings.registry';

/** A label in the three interface languages. */
export type Labels = Record<Lang, string>;

/**
 * How a field's value is shown in the audit log, as the UI shows it (issue 16 part 3):
 * a person's name for a user id, the label of a coded value, a shipped reference list's label, masked digits.
 */
export type AuditValue =
  | 'text'
  | 'user'
  | 'users'
  | 'masked'
  | 'bool'
  | { options: Record<string, Labels> }
  /** Server messages `<prefix><value>` (e.g. `role.` for roles). */
  | { messages: string }
  | { reference: string };

export interface AuditField {
  label: Labels;
  value?: AuditValue;
}

/** What a module declares for one audited record type (`entityType`) in its manifest's `auditTypes`. */
export interface AuditRecordType {
  label: Labels;
  fields?: Record<string, AuditField>;
  /** The records' titles or numbers (e.g. a request's title, a complaint's number) for the ids on one log page; an id left out shows as it is. */
  title?: (db: Kysely<Database>, ids: string[], lang: Lang) => Promise<Map<string, string>>;
}

/** A `title` for record types with numeric ids, from a batched read of id → title. */
export function titlesById(read: (db: Kysely<Database>, ids: number[]) => Promise<Map<number, string>>): NonNullable<AuditRecordType['title']> {
  return async (db, ids) => {
    const numeric = ids.map(Number).filter((n) => Number.isInteger(n) && n > 0);
    const found = numeric.length ? await read(db, numeric) : new Map<number, string>();
    return new Map([...found].map(([id, title]) => [String(id), title]));
  };
}

const types = new Map<string, AuditRecordType>();
const owners = createOwnership('Audited record type', []);

export function registerAuditTypes(owner: string, declared: Record<string, AuditRecordType>): void {
  for (const [entityType, t] of Object.entries(declared)) {
    owners.claim(entityType, owner);
    types.set(entityType, t);
  }
}

export function auditType(entityType: string): AuditRecordType | undefined {
  return types.get(entityType);
}

/** The three-language labels of the platform's own record types. */
const L = (zhCN: string, zhTW: string, en: string): Labels => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

registerAuditTypes('platform', {
  user: {
    label: L('用户', '使用者', 'User'),
    fields: {
      display_name: { label: L('姓名', '姓名', 'Name') },
      displayName: { label: L('姓名', '姓名', 'Name') },
      username: { label: L('用户名', '使用者名稱', 'Username') },
      email: { label: L('电子邮箱', '電子郵件', 'E-mail') },
      active: { label: L('启用', '啟用', 'Active'), value: 'bool' },
      team_id: { label: L('团队', '團隊', 'Team') },
      department_id: { label: L('部门', '部門', 'Department') },
      roles: { label: L('角色', '角色', 'Roles'), value: { messages: 'role.' } },
    },
  },
  department: {
    label: L('部门', '部門', 'Department'),
    fields: {
      name: { label: L('名称', '名稱', 'Name') },
      code: { label: L('编码', '編碼', 'Code') },
      head_id: { label: L('部门负责人', '部門負責人', 'Head'), value: 'user' },
      headId: { label: L('部门负责人', '部門負責人', 'Head'), value: 'user' },
    },
  },
  team: {
    label: L('团队', '團隊', 'Team'),
    fields: {
      name: { label: L('名称', '名稱', 'Name') },
      supervisor_id: { label: L('主管', '主管', 'Supervisor'), value: 'user' },
      supervisorId: { label: L('主管', '主管', 'Supervisor'), value: 'user' },
      members: { label: L('成员', '成員', 'Members'), value: 'users' },
    },
  },
  setting: {
    label: L('设置', '設定', 'Setting'),
    fields: { value: { label: L('设置值', '設定值', 'Value') } },
    // The setting's name as the settings page shows it, instead of its key.
    title: async (_db, keys, lang) => new Map(keys.flatMap((k) => (SETTINGS_BY_KEY.get(k) ? [[k, SETTINGS_BY_KEY.get(k)!.label[lang]] as [string, string]] : []))),
  },
});
