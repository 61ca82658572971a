import type { MessageShape } from '../../../app/module';

/** 个人客户 — 简体中文, the shape the other two languages must match key for key. */
const zhCN = {
  individuals: {
    title: '个人客户',
    create: '新建个人客户',
    createTitle: '新建个人客户',
    editTitle: '编辑个人客户：{{name}}',
    created: '个人客户已创建：{{name}}',
    updated: '个人客户资料已保存',
    searchLabel: '搜索个人客户',
    searchPlaceholder: '姓名、拼音、拼音首字母、手机号',
    initialBar: '按姓名首字母筛选',
    initialCount: '{{initial}}：{{count}} 位',
    initial: '首字母',
    name: '姓名',
    gender: '性别',
    genderUnknown: '未填写',
    genders: {
      male: '男',
      female: '女',
    },
    birthday: '出生日期',
    nationality: '国籍',
    mobile: '手机号',
    idNumber: '证件号码',
    idNumberHint: '国籍为中国时按居民身份证校验；外籍客人可填护照号码',
    notes: '备注',
    owner: '负责人',
    emptyHint: '个人客户（VIP 个人、散客）的档案，与公司客户分开管理。',
    emptyAction: '登记第一位个人客户',
    empty: '暂无个人客户',
    noMatch: '没有符合条件的个人客户',
    notFound: '没有找到这位个人客户',
    back: '返回个人客户',
    stays: {
      title: '入住记录',
      create: '登记入住',
      createTitle: '登记入住：{{name}}',
      checkedInAt: '入住时间',
      checkedOutAt: '退房时间',
      room: '房号',
      bookingRef: '预订号',
      notes: '备注',
      meetBy: '最迟会见时间',
      meeting: '会见',
      keeper: '负责人',
      metBy: '{{name}} 于 {{at}} 会见',
      meet: '登记会见',
      meetTitle: '登记会见：{{name}}',
      meetingNote: '会见情况',
      empty: '暂无入住记录',
      required: '请填写入住时间',
      states: { open: '待会见', late: '已超时未会见', met: '已按时会见', met_late: '超时后会见', none: '无需会见' },
    },
  },
  nav: {
    individuals: '个人客户',
  },
};

export default zhCN;
export type Messages = MessageShape<typeof zhCN>;
