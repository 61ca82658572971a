import type { MessageShape } from '../../../app/module';

/** Care 客户关怀 — 简体中文 (the shape the other languages follow). */
const zhCN = {
  care: {
    nav: '客户关怀',
    title: '客户关怀',
    tabs: { calendar: '关怀日历', upcoming: '近期关怀', templates: '问候模板', actions: '关怀记录', events: '推广与活动' },
    occasion: { birthday: '生日', festival: '节日', cooperation: '合作周年', firstPurchase: '首购周年', yearEnd: '年终礼品', other: '其他关怀' },
    lunar: '农历',
    guest: '贵宾 {{name}}',
    years: '{{years}} 周年',
    days: '未来天数',
    none: '暂无关怀事项',
    date: '日期',
    customer: '客户',
    contact: '联系人',
    what: '事项',
    record: '记录关怀',
    channel: { email: '邮件', sms: '短信', card: '贺卡', phone: '电话', visit: '拜访', gift: '礼品', wechat: '微信' },
    template: {
      create: '新建模板',
      edit: '编辑',
      name: '模板名称',
      channel: '渠道',
      occasion: '适用场合',
      subject: '邮件主题',
      body: '正文',
      bodyHint: '可用占位符：{customer} 客户，{contact} 联系人，{occasion} 场合，{sender} 发送人，{date} 日期',
      preview: '预览 / 打印贺卡',
      previewTitle: '问候预览',
      print: '打印',
    },
    action: { doneOn: '关怀日期', note: '备注', actor: '执行人', templateId: '使用模板' },
    event: {
      create: '新建活动',
      kind: '类型',
      kinds: { promotion: '推广', event: '活动' },
      title: '名称',
      startsOn: '开始日期',
      endsOn: '结束日期',
      location: '地点',
      description: '说明',
      organizer: '组织人',
      invite: '邀请客户',
      invitees: '邀请名单',
      counts: '邀请 {{invited}}，出席 {{attended}}，缺席 {{absent}}',
      status: { invited: '已邀请', attended: '出席', absent: '缺席' },
      detail: '详情',
    },
  },
};
export type Messages = MessageShape<typeof zhCN>;
export default zhCN;
