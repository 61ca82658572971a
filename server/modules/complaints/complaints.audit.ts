import { type AuditRecordType, type Labels, titlesById } from '../../platform/audit/audit.labels';
import { asQ, complaintQueries } from './complaints.queries';

/**
 * How complaint entries read in the audit log (issue 16 part 3): the complaint by its number, field labels and
 * coded values as the complaint pages show them, people by name, the category in the reader's language.
 */
const L = (zhCN: string, zhTW: string, en: string): Labels => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

const STATUS: Record<string, Labels> = {
  received: L('已受理', '已受理', 'Received'),
  processing: L('处理中', '處理中', 'In progress'),
  opinion_pending: L('意见审批中', '意見審批中', 'Opinion awaiting approval'),
  opinion_approved: L('意见已批准', '意見已核准', 'Opinion approved'),
  told: L('已答复客户', '已答覆客戶', 'Customer told'),
  closed: L('已办结', '已辦結', 'Closed'),
};
const SEVERITY: Record<string, Labels> = { general: L('一般', '一般', 'General'), major: L('较大', '較大', 'Major'), serious: L('重大', '重大', 'Serious') };
const CHANNEL: Record<string, Labels> = {
  hotline: L('服务热线', '服務熱線', 'Hotline'),
  phone: L('电话', '電話', 'Phone'),
  email: L('电子邮件', '電子郵件', 'E-mail'),
  visit: L('来访', '來訪', 'Visit'),
  letter: L('来信', '來信', 'Letter'),
  online: L('网上投诉', '網上投訴', 'Online'),
};
const TOLD: Record<string, Labels> = {
  phone: L('电话', '電話', 'Phone'),
  sms: L('短信', '簡訊', 'SMS'),
  email: L('电子邮件', '電子郵件', 'E-mail'),
  visit: L('上门', '上門', 'Visit'),
  letter: L('书面', '書面', 'Letter'),
  wechat: L('微信', '微信', 'WeChat'),
};

export const complaintAuditTypes: Record<string, AuditRecordType> = {
  complaint: {
    label: L('客户投诉', '客戶投訴', 'Complaint'),
    title: titlesById((db, ids) => complaintQueries.numbers(asQ(db), ids)),
    fields: {
      status: { label: L('状态', '狀態', 'Status'), value: { options: STATUS } },
      severity: { label: L('严重程度', '嚴重程度', 'Severity'), value: { options: SEVERITY } },
      channel: { label: L('投诉渠道', '投訴管道', 'Channel'), value: { options: CHANNEL } },
      category: { label: L('投诉类别', '投訴類別', 'Category'), value: { reference: 'complaint_categories' } },
      customerId: { label: L('客户', '客戶', 'Customer') },
      handlerId: { label: L('处理人', '處理人', 'Handler'), value: 'user' },
      viaPublic: { label: L('客户网上提交', '客戶網上提交', 'Filed online by the customer'), value: 'bool' },
      complainantName: { label: L('投诉人', '投訴人', 'Complainant') },
      complainantPhone: { label: L('联系电话', '聯絡電話', 'Phone'), value: 'masked' },
      complainantCompany: { label: L('投诉人单位', '投訴人單位', 'Complainant company') },
      complainantEmail: { label: L('电子邮箱', '電子郵件', 'E-mail') },
      content: { label: L('投诉内容', '投訴內容', 'Complaint') },
      faultDepartmentId: { label: L('责任部门', '責任部門', 'Responsible department') },
      departmentId: { label: L('责任部门', '責任部門', 'Responsible department') },
      dueDate: { label: L('整改期限', '整改期限', 'Due date') },
      firstContactedAt: { label: L('首次联系时间', '首次聯繫時間', 'First contacted at') },
      firstContactDue: { label: L('首次联系期限', '首次聯繫期限', 'First contact due') },
      resolutionDue: { label: L('处理期限', '處理期限', 'Resolution due') },
      days: { label: L('延期工作日', '延期工作日', 'Extension (working days)') },
      cycle: { label: L('处理轮次', '處理輪次', 'Round') },
      toldMethod: { label: L('答复方式', '答覆方式', 'Told by'), value: { options: TOLD } },
      satisfactionScore: { label: L('客户满意度', '客戶滿意度', 'Satisfaction') },
      via: { label: L('确认方式', '確認方式', 'Confirmed by') },
      meetingDate: { label: L('会议日期', '會議日期', 'Meeting date') },
      decisions: { label: L('会议决定', '會議決定', 'Decisions') },
    },
  },
  complaint_analysis: { label: L('投诉分析导出', '投訴分析匯出', 'Complaint analysis export') },
};
