import type { MessageShape } from '../../../app/module';

/** 公海 — 简体中文, the shape the other two languages must match key for key. */
const zhCN = {
  pool: {
    nav: '公海',
    title: '公海客户',
    pool: '公海',
    poolOption: '{{name}}（{{count}} 个客户）',
    noPools: '暂无公海：客户按规则移入后，本部门的公海会出现在这里',
    empty: '公海中没有客户',
    search: '客户名称或档案号',
    customer: '客户',
    grade: '等级',
    industry: '行业',
    reason: '进入原因',
    allReasons: '全部原因',
    previousOwner: '原负责人',
    releasedAt: '进入日期',
    actions: '操作',
    claim: '领取',
    claimed: '已领取：{{name}}',
    cooldownUntil: '{{date}} 后可重新领取',
    status: '今日已领取 {{claimed}} / {{cap}}，负责客户 {{holding}} / {{holdingCap}}',
    rules: { no_contact: '未联系', no_deal: '未成交', contract_ended: '合同结束' },
  },
};
export type Messages = MessageShape<typeof zhCN>;
export default zhCN;
