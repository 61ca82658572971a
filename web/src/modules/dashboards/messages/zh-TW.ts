import type { Messages } from './zh-CN';

/** 儀表板 — 繁體中文 */
const zhTW: Messages = {
  dashboards: {
    nav: '儀表板',
    title: '儀表板',
    scope: { all: '全部客戶', department: '本部門的客戶', team: '本小組的客戶', own: '我負責的客戶' },
    period: '{{scope}} · 近十二個月 {{from}} 至 {{to}}',
    asOf: '截至 {{time}}',
    live: '即時',
    clickHint: '點擊圖形開啟對應的列表',
    gradeRegion: { empty: '您負責範圍內還沒有客戶：客戶建檔（或匯入）後，按等級和省份在此彙總，點擊可開啟對應的客戶列表。', title: '客戶等級與區域', chart: '各省份各等級的客戶數', noGrade: '未定級', noProvince: '未填省份' },
    sales: { title: '月度銷售趨勢', chart: '近十二個月每月銷售額（元）', series: '銷售額（元）' },
    top: { title: '重點客戶', chart: '近十二個月銷售額最高的客戶（元）', empty: '近十二個月沒有交易' },
    complaints: { title: '投訴處理及時率', detail: '已處理 {{resolved}} 件，其中及時 {{inTime}} 件；共受理 {{received}} 件' },
    satisfaction: { title: '滿意度指數', detail: '{{responses}} 份答卷' },
    cadence: { title: '回訪頻率達標率', detail: '共 {{total}} 位客戶：按期 {{inTime}}，將到期 {{due}}，已逾期 {{overdue}}' },
    pool: { title: '公海流動', chart: '每月退回公海與從公海領取的客戶數', released: '退回公海', claimed: '領取' },
    none: '—（尚無記錄）',
    open: '查看',
  },
};
export default zhTW;
