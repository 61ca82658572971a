/**
 * Realistic, reproducible sample values for the customer archive: Chinese company names, people,
 * phones, addresses and valid 统一社会信用代码. Pure (no I/O): used by `npm run demo` and by the
 * benchmark in bench/, so both write the same kind of data.
 */
import { pinyin } from 'pinyin-pro';
import { COMPANY_NATURES, INDUSTRIES, SOURCE_CHANNELS, STATUSES } from '../modules/customers/customers.fields';

// ── Seeded random ─────────────────────────────────────────────────────────────
/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export class Random {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1][0];
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

// ── Regions ───────────────────────────────────────────────────────────────────
export interface City {
  province: string;
  city: string;
  /** The region word of company names (杭州华远…). */
  short: string;
  areaCode: string;
  postcode: string;
  /** 行政区划代码 of the city (first 4 digits + 00). */
  adminCode: string;
  districts: string[];
  weight: number;
}

const c = (province: string, city: string, short: string, areaCode: string, postcode: string, adminCode: string, districts: string, weight: number): City => ({
  province,
  city,
  short,
  areaCode,
  postcode,
  adminCode,
  districts: districts.split(' '),
  weight,
});

export const CITIES: City[] = [
  c('北京市', '北京市', '北京', '010', '100', '110100', '朝阳区 海淀区 东城区 西城区 丰台区 大兴区', 10),
  c('上海市', '上海市', '上海', '021', '200', '310100', '浦东新区 徐汇区 静安区 黄浦区 闵行区 嘉定区', 10),
  c('天津市', '天津市', '天津', '022', '300', '120100', '和平区 河西区 南开区 滨海新区', 4),
  c('重庆市', '重庆市', '重庆', '023', '400', '500100', '渝中区 江北区 九龙坡区 渝北区', 4),
  c('广东省', '广州市', '广州', '020', '510', '440100', '天河区 越秀区 海珠区 番禺区 白云区', 8),
  c('广东省', '深圳市', '深圳', '0755', '518', '440300', '南山区 福田区 罗湖区 宝安区 龙岗区', 8),
  c('广东省', '东莞市', '东莞', '0769', '523', '441900', '南城街道 东城街道 长安镇 虎门镇', 3),
  c('广东省', '佛山市', '佛山', '0757', '528', '440600', '禅城区 南海区 顺德区', 3),
  c('浙江省', '杭州市', '杭州', '0571', '310', '330100', '西湖区 上城区 拱墅区 滨江区 余杭区 萧山区', 7),
  c('浙江省', '宁波市', '宁波', '0574', '315', '330200', '海曙区 鄞州区 北仑区 江北区', 4),
  c('浙江省', '温州市', '温州', '0577', '325', '330300', '鹿城区 龙湾区 瓯海区', 3),
  c('江苏省', '南京市', '南京', '025', '210', '320100', '玄武区 鼓楼区 建邺区 江宁区', 5),
  c('江苏省', '苏州市', '苏州', '0512', '215', '320500', '姑苏区 虎丘区 吴中区 相城区', 6),
  c('江苏省', '无锡市', '无锡', '0510', '214', '320200', '梁溪区 滨湖区 新吴区', 3),
  c('福建省', '厦门市', '厦门', '0592', '361', '350200', '思明区 湖里区 集美区', 3),
  c('福建省', '福州市', '福州', '0591', '350', '350100', '鼓楼区 台江区 仓山区', 3),
  c('山东省', '济南市', '济南', '0531', '250', '370100', '历下区 市中区 槐荫区', 3),
  c('山东省', '青岛市', '青岛', '0532', '266', '370200', '市南区 市北区 崂山区 黄岛区', 4),
  c('湖北省', '武汉市', '武汉', '027', '430', '420100', '江汉区 武昌区 洪山区 汉阳区', 5),
  c('湖南省', '长沙市', '长沙', '0731', '410', '430100', '岳麓区 芙蓉区 天心区 雨花区', 4),
  c('河南省', '郑州市', '郑州', '0371', '450', '410100', '金水区 二七区 中原区 管城回族区', 4),
  c('四川省', '成都市', '成都', '028', '610', '510100', '锦江区 武侯区 青羊区 成华区', 6),
  c('陕西省', '西安市', '西安', '029', '710', '610100', '雁塔区 碑林区 未央区 莲湖区', 4),
  c('安徽省', '合肥市', '合肥', '0551', '230', '340100', '蜀山区 包河区 庐阳区', 3),
  c('辽宁省', '沈阳市', '沈阳', '024', '110', '210100', '和平区 沈河区 铁西区', 3),
  c('辽宁省', '大连市', '大连', '0411', '116', '210200', '中山区 西岗区 甘井子区', 2),
  c('黑龙江省', '哈尔滨市', '哈尔滨', '0451', '150', '230100', '南岗区 道里区 香坊区', 2),
  c('云南省', '昆明市', '昆明', '0871', '650', '530100', '五华区 盘龙区 官渡区', 2),
  c('广西壮族自治区', '南宁市', '南宁', '0771', '530', '450100', '青秀区 兴宁区 西乡塘区', 2),
  c('河北省', '石家庄市', '石家庄', '0311', '050', '130100', '长安区 桥西区 裕华区', 2),
  c('山西省', '太原市', '太原', '0351', '030', '140100', '小店区 迎泽区 杏花岭区', 2),
  c('江西省', '南昌市', '南昌', '0791', '330', '360100', '东湖区 西湖区 红谷滩区', 2),
  c('贵州省', '贵阳市', '贵阳', '0851', '550', '520100', '南明区 云岩区 观山湖区', 2),
];
const CITY_WEIGHTS = CITIES.map((x) => [x, x.weight] as const);

const ROADS = ['人民路', '解放路', '中山路', '建设路', '文化路', '和平路', '新华路', '科技路', '创业路', '学院路', '滨江大道', '长江路', '黄河路', '青年路', '工业园路', '环城东路', '金融街', '世纪大道', '高新大道', '光明路'];
const BUILDINGS = ['国际大厦', '科技园', '商务中心', '创业大厦', '金融中心', '写字楼', '产业园'];

// ── People ────────────────────────────────────────────────────────────────────
const SURNAMES: (readonly [string, number])[] = (
  '王14 李14 张13 刘10 陈9 杨6 黄5 赵5 吴4 周4 徐3 孙3 马3 朱3 胡3 郭3 何2 高2 林2 罗2 郑2 梁2 谢2 宋2 唐2 许2 韩2 冯2 邓2 曹2 ' +
  '彭1 曾1 肖1 田1 董1 袁1 潘1 于1 蒋1 蔡1 余1 杜1 叶1 程1 苏1 魏1 吕1 丁1 任1 沈1 姚1 卢1 姜1 崔1 钟1 谭1 陆1 汪1 范1 金1 ' +
  '石1 廖1 贾1 夏1 韦1 方1 白1 邹1 孟1 熊1 秦1 邱1 江1 尹1 薛1 段1 雷1 侯1 龙1 史1 陶1 黎1 贺1 顾1 毛1 郝1 龚1 邵1 万1 钱1 严1 武1 戴1 孔1 汤1 欧阳1 司马1'
)
  .split(' ')
  .map((s) => [s.replace(/\d+$/, ''), Number(s.match(/\d+$/)![0])] as const);
const GIVEN_FIRST = [...'建志晓海春小国文金永明俊子佳思雨欣嘉梓浩宇一天家晨立德秀玉丽美淑红桂慧雅诗梦婉语新学振宏伟卫少长'];
const GIVEN_SECOND = [...'国强华军平明辉峰伟刚勇杰涛斌鹏飞宁龙阳东林波成英兰芳梅娟敏静丽燕霞婷琳颖萱涵怡琪轩睿博然哲昊悦彤瑶欣磊超鑫洋帆'];

export function personName(rng: Random): string {
  const surname = rng.weighted(SURNAMES);
  return surname + (rng.chance(0.3) ? rng.pick(GIVEN_SECOND) : rng.pick(GIVEN_FIRST) + rng.pick(GIVEN_SECOND));
}

// ── Companies ─────────────────────────────────────────────────────────────────
const BRAND_FIRST = [...'华恒鑫宏盛金瑞德新天永中东海国嘉信安宝富泰鼎汇联通博聚众锦润晟卓远诚佳凯康美腾'];
const BRAND_SECOND = [...'远达源泰兴盛昌丰利通业宇辉创阳泽诚信和合发隆鑫顺安成华邦峰航科润越明晖'];

export function brandWord(rng: Random): string {
  for (;;) {
    const a = rng.pick(BRAND_FIRST);
    const b = rng.pick(BRAND_SECOND);
    if (a !== b) return a + b;
  }
}

interface IndustryProfile {
  weight: number;
  words: string[];
  scope: string[];
  products: string[];
}

/** Name words, business scope and products per industry of customers.fields.ts INDUSTRIES. */
const PROFILES: Record<string, IndustryProfile> = {
  制造业: {
    weight: 18,
    words: ['机械制造', '精密机械', '电气设备', '汽车零部件', '新材料', '模具', '五金制品', '包装材料', '纺织', '家具制造'],
    scope: ['机械设备、电气设备的研发、制造、销售；货物及技术进出口。', '金属制品、塑料制品的生产与销售；模具设计与制造。'],
    products: ['数控机床', '减速机', '轴承', '液压件', '注塑件', '冲压件', '电机', '阀门', '包装箱', '不锈钢管'],
  },
  金融业: {
    weight: 4,
    words: ['融资租赁', '商业保理', '投资管理', '资产管理'],
    scope: ['融资租赁业务；租赁业务；向国内外购买租赁财产；租赁财产的残值处理及维修。', '投资管理；资产管理；投资咨询（不含证券、期货）。'],
    products: ['设备融资租赁', '应收账款保理', '资产管理服务', '投资咨询'],
  },
  批发和零售业: {
    weight: 14,
    words: ['贸易', '商贸', '百货', '供应链', '进出口'],
    scope: ['日用百货、五金交电、办公用品、电子产品的批发与零售；货物进出口。', '食品、农副产品、建材的销售；供应链管理服务。'],
    products: ['办公用品', '日用百货', '电子元器件', '建材', '劳保用品', '食品饮料', '清洁用品'],
  },
  信息技术服务: {
    weight: 14,
    words: ['电子科技', '信息技术', '网络科技', '软件', '数据科技', '智能科技', '通信技术'],
    scope: ['技术开发、技术咨询、技术服务；计算机软硬件销售；信息系统集成服务。', '软件开发；数据处理和存储服务；网络工程施工。'],
    products: ['服务器', '网络交换机', '管理软件', '系统集成服务', '云服务', '监控设备', '笔记本电脑'],
  },
  建筑业: {
    weight: 7,
    words: ['建设工程', '建筑装饰', '市政工程', '钢结构工程', '安装工程'],
    scope: ['房屋建筑工程、市政公用工程施工；建筑装饰装修工程设计与施工。', '钢结构工程、机电设备安装工程的施工。'],
    products: ['钢材', '水泥', '电线电缆', '装饰材料', '施工机械租赁'],
  },
  交通运输和物流: {
    weight: 7,
    words: ['物流', '运输', '货运代理', '快运', '仓储'],
    scope: ['普通货运；货物专用运输（集装箱）；仓储服务；国内货运代理。', '道路货物运输；装卸搬运；供应链管理。'],
    products: ['整车运输', '零担物流', '仓储服务', '冷链运输', '国际货代'],
  },
  住宿和餐饮业: {
    weight: 6,
    words: ['餐饮管理', '酒店管理', '食品', '餐饮服务'],
    scope: ['餐饮服务；酒店管理；会议及展览服务。', '餐饮管理；食品销售；预包装食品零售。'],
    products: ['团体餐', '会议服务', '客房', '食材', '酒水'],
  },
  房地产业: {
    weight: 4,
    words: ['置业', '房地产开发', '物业管理', '商业管理'],
    scope: ['房地产开发经营；物业管理；房屋租赁。', '物业服务；停车场管理；商业综合体管理。'],
    products: ['物业服务', '商铺租赁', '写字楼租赁', '住宅'],
  },
  教育: {
    weight: 3,
    words: ['教育科技', '文化培训', '职业培训'],
    scope: ['教育咨询（不含培训）；教育软件开发；文化艺术交流活动策划。', '职业技能培训；企业管理培训。'],
    products: ['培训课程', '教学设备', '在线课程', '教材'],
  },
  医疗卫生: {
    weight: 5,
    words: ['医疗器械', '生物医药', '健康管理', '医药'],
    scope: ['第二类医疗器械销售；医疗器械技术咨询。', '药品批发；保健食品销售；健康咨询服务。'],
    products: ['医用耗材', '检测试剂', '医疗设备', '药品', '康复器械'],
  },
  能源化工: {
    weight: 6,
    words: ['石油化工', '新能源', '化工', '燃气', '能源科技', '油品销售'],
    scope: ['成品油零售；润滑油、化工产品（不含危险化学品）销售。', '太阳能发电设备的研发、销售；合同能源管理。'],
    products: ['柴油', '汽油', '润滑油', '化工原料', '光伏组件', '液化石油气'],
  },
  农林牧渔: {
    weight: 3,
    words: ['农业科技', '生态农业', '水产', '农产品'],
    scope: ['农作物种植；农产品初加工及销售；农业技术推广服务。', '水产养殖；水产品销售。'],
    products: ['大米', '茶叶', '水果', '种子', '饲料', '化肥'],
  },
  文化传媒: {
    weight: 4,
    words: ['文化传媒', '广告', '影视文化', '会展服务'],
    scope: ['广告设计、制作、代理、发布；企业形象策划；会议及展览服务。', '影视节目制作；文化艺术交流策划。'],
    products: ['广告投放', '展会服务', '宣传片', '印刷品'],
  },
  政府及公共事业: {
    weight: 2,
    words: ['水务', '环境服务', '公共交通', '城市建设投资'],
    scope: ['自来水生产和供应；污水处理；水务工程。', '环境卫生管理；垃圾清运；园林绿化工程。'],
    products: ['供水服务', '环卫服务', '公交运营', '园林养护'],
  },
  其他: {
    weight: 3,
    words: ['实业', '企业管理咨询', '商务服务', '人力资源'],
    scope: ['企业管理咨询；商务信息咨询；市场调查。', '人力资源服务；劳务派遣（凭许可证经营）。'],
    products: ['管理咨询', '劳务派遣', '商务服务', '市场调研'],
  },
};
const INDUSTRY_WEIGHTS = INDUSTRIES.map((i) => [i, PROFILES[i]?.weight ?? 1] as const);
const LEGAL_FORMS = [['有限公司', 70], ['股份有限公司', 14], ['有限责任公司', 10], ['集团有限公司', 6]] as const;

export interface CompanyNameParts {
  city: City;
  brand: string;
  industry: string;
  word: string;
  form: string;
}

export function companyNameParts(rng: Random): CompanyNameParts {
  const city = rng.weighted(CITY_WEIGHTS);
  const industry = rng.weighted(INDUSTRY_WEIGHTS);
  return { city, brand: brandWord(rng), industry, word: rng.pick(PROFILES[industry].words), form: rng.weighted(LEGAL_FORMS) };
}

export const companyName = (p: CompanyNameParts) => `${p.city.short}${p.brand}${p.word}${p.form}`;

// ── Identifiers ───────────────────────────────────────────────────────────────
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** 统一社会信用代码 of an enterprise (GB 32100-2015): 9 1 + region + 组织机构代码 (GB 11714 check) + check character. */
export function creditCode(rng: Random, city: City): string {
  const region = city.adminCode.slice(0, 4) + String(rng.int(1, 12)).padStart(2, '0');
  let body = '';
  for (let i = 0; i < 8; i++) body += rng.chance(0.85) ? String(rng.int(0, 9)) : CREDIT_CHARS[rng.int(10, CREDIT_CHARS.length - 1)];
  let orgSum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body[i];
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55; // A = 10 … Z = 35
    orgSum += v * ORG_WEIGHTS[i];
  }
  const c9 = 11 - (orgSum % 11);
  const orgCheck = c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  const first17 = `91${region}${body}${orgCheck}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return first17 + CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

const MOBILE_PREFIXES = '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 176 177 178 180 181 182 183 185 186 187 188 189 191 198 199'.split(' ');

export function mobile(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** 0571-88123456: area code of the city and an 8-digit local number (first digit 2–8). */
export function landline(rng: Random, city: City): string {
  return `${city.areaCode}-${rng.int(2, 8)}${rng.digits(7)}`;
}

// ── Pinyin of vocabulary words (cached: a handful of words, looked up millions of times) ──
const pinyinCache = new Map<string, string>();
export function plainPinyin(word: string): string {
  let v = pinyinCache.get(word);
  if (v === undefined) {
    v = (pinyin(word, { toneType: 'none', type: 'array', v: true }) as string[]).join('').replace(/[^a-z]/g, '');
    pinyinCache.set(word, v);
  }
  return v;
}

// ── A whole customer ──────────────────────────────────────────────────────────
const BANKS = ['中国工商银行', '中国建设银行', '中国农业银行', '中国银行', '交通银行', '招商银行', '浦发银行', '兴业银行', '中信银行', '民生银行', '平安银行'];
const PAYMENT_HABITS = ['月结30天', '月结60天', '货到付款', '预付30%，验收后付清', '季度结算', '按合同节点付款', '现款现货'];
const FREQUENCIES = ['每周', '每月', '每季度', '每半年'];
const INTENTIONS = ['强烈', '较强', '一般', '观望', '较弱'];
const POTENTIALS = ['高', '中', '低'];
const OPERATING = ['存续', '在业', '正常经营', '扩张中', '经营困难'];
const POSITIONS_IN_INDUSTRY = ['行业领先', '区域龙头', '中等规模', '新进入者'];
const PRICE_LEVELS = ['高端', '中高端', '中端', '经济型'];
const TAGS = ['重点客户', '老客户', '年度大单', '需回访', '价格敏感', '新开发', '战略合作'];
const SIZES = [['微型', 1, 9, 15], ['小型', 10, 99, 45], ['中型', 100, 999, 30], ['大型', 1000, 20000, 10]] as const;
const NATURE_WEIGHTS = COMPANY_NATURES.map((n) => [n, n === '民营企业' ? 60 : n === '国有企业' ? 10 : n === '外资企业' || n === '合资企业' ? 6 : 2] as const);
const STATUS_WEIGHTS = [['potential', 35], ['formal', 40], ['dormant', 15], ['lost', 10]] as const satisfies readonly (readonly [(typeof STATUSES)[number], number])[];
const CONTACT_POSITIONS = [
  ['总经理', '总经办'], ['副总经理', '总经办'], ['采购经理', '采购部'], ['采购专员', '采购部'], ['财务经理', '财务部'], ['财务主管', '财务部'],
  ['行政经理', '行政部'], ['技术总监', '技术部'], ['销售总监', '销售部'], ['办公室主任', '办公室'], ['项目经理', '项目部'], ['运营总监', '运营部'],
] as const;

/** The customer as the API would receive it (POST /api/customers body, field names in camelCase). */
export interface DemoCustomer {
  name: string;
  status: string;
  creditCode?: string;
  legalRepresentative?: string;
  generalManager?: string;
  address?: string;
  postcode?: string;
  phone?: string;
  email?: string;
  website?: string;
  province: string;
  city: string;
  district?: string;
  industry: string;
  companyNature?: string;
  companySize?: string;
  staffCount?: number;
  tags: string[];
  businessScope?: string;
  operatingStatus?: string;
  positionInIndustry?: string;
  priceLevel?: string;
  mainProducts?: string;
  peakMonthAmount?: number;
  lowMonthAmount?: number;
  bankName?: string;
  bankAccount?: string;
  paymentHabits?: string;
  payingContact?: string;
  sourceChannel?: string;
  contactFrequency?: string;
  relationshipPotential?: string;
  cooperationIntention?: string;
}

export interface DemoContact {
  name: string;
  position?: string;
  department?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  birthday?: string;
  isKey: boolean;
}

/**
 * One company customer. `diligence` decides how complete the archive is: every optional field is
 * filled with that probability, and about a third of the archives are filled completely.
 */
export function demoCustomer(rng: Random, parts: CompanyNameParts = companyNameParts(rng)): DemoCustomer {
  return sizedDemoCustomer(rng, parts).customer;
}

/** The company's real size, known to the demo even where the archive leaves it blank. */
export interface CustomerSize {
  name: string;
  staff: number;
  /** Typical monthly purchases in 元 (between the low and the peak month). */
  monthlyPurchase: number;
}

/**
 * Monthly purchases of a company in 万元, from its head count: 300–2,500 元 per employee and month,
 * at least 0.5 万元. A 小型 company (10–99 staff) thus buys at most about 25 万元 in its peak month.
 */
export const PURCHASE_PER_STAFF = { min: 0.03, max: 0.25 } as const;
export function peakMonthOf(staff: number, r: number): number {
  return Math.max(0.5, Math.round(staff * (PURCHASE_PER_STAFF.min + r * (PURCHASE_PER_STAFF.max - PURCHASE_PER_STAFF.min)) * 10) / 10);
}

export function sizedDemoCustomer(rng: Random, parts: CompanyNameParts = companyNameParts(rng)): { customer: DemoCustomer; size: CustomerSize } {
  const { city, industry } = parts;
  const profile = PROFILES[industry];
  const complete = rng.chance(0.35);
  const diligence = complete ? 1 : 0.35 + rng.next() * 0.6;
  const has = () => complete || rng.chance(diligence);
  const district = rng.pick(city.districts);
  const [sizeName, minStaff, maxStaff] = rng.weighted(SIZES.map((s) => [s, s[3]] as const));
  const staff = rng.int(minStaff, maxStaff);
  const peak = peakMonthOf(staff, rng.next()); // 万元, the unit of the archive's purchase fields
  const legal = personName(rng);
  const domain = `${plainPinyin(parts.brand)}${rng.chance(0.5) ? plainPinyin(parts.city.short).slice(0, 2) : ''}.com${rng.chance(0.4) ? '.cn' : ''}`;
  const products = new Set<string>();
  const nProducts = rng.int(1, 3);
  while (products.size < nProducts) products.add(rng.pick(profile.products));
  const tags = new Set<string>();
  if (rng.chance(0.4)) tags.add(rng.pick(TAGS));
  if (rng.chance(0.15)) tags.add(rng.pick(TAGS));

  const c: DemoCustomer = {
    name: companyName(parts),
    status: rng.weighted(STATUS_WEIGHTS),
    province: city.province,
    city: city.city,
    industry,
    tags: [...tags],
  };
  if (rng.chance(complete ? 0.9 : 0.5)) c.creditCode = creditCode(rng, city);
  if (has()) c.legalRepresentative = legal;
  if (has()) c.generalManager = rng.chance(0.5) ? legal : personName(rng);
  if (has()) c.address = `${city.province === city.city ? '' : city.province}${city.city}${district}${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.chance(0.4) ? `${rng.pick(BUILDINGS)}${rng.int(2, 28)}层` : ''}`;
  if (has()) c.postcode = `${city.postcode}${rng.digits(3)}`;
  if (has()) c.phone = rng.chance(0.6) ? landline(rng, city) : mobile(rng);
  if (rng.chance(diligence * 0.7)) c.email = `${rng.pick(['info', 'service', 'contact', 'sales', 'hr'])}@${domain}`;
  if (rng.chance(diligence * 0.5)) c.website = `www.${domain}`;
  if (has()) c.district = district;
  if (has()) c.companyNature = rng.weighted(NATURE_WEIGHTS);
  if (has()) c.companySize = sizeName;
  if (has()) c.staffCount = staff;
  if (has()) c.businessScope = rng.pick(profile.scope);
  if (has()) c.operatingStatus = rng.pick(OPERATING);
  if (has()) c.positionInIndustry = rng.pick(POSITIONS_IN_INDUSTRY);
  if (has()) c.priceLevel = rng.pick(PRICE_LEVELS);
  if (has()) c.mainProducts = [...products].join('、');
  if (has()) {
    c.peakMonthAmount = peak;
    c.lowMonthAmount = Math.max(0.1, Math.round(peak * (0.3 + rng.next() * 0.4) * 10) / 10);
  }
  if (has()) c.bankName = `${rng.pick(BANKS)}${city.short}${district.replace(/(新区|区|街道|镇)$/, '')}支行`;
  if (has()) c.bankAccount = `6222${rng.digits(15)}`;
  if (has()) c.paymentHabits = rng.pick(PAYMENT_HABITS);
  if (rng.chance(diligence * 0.6)) c.payingContact = personName(rng);
  if (has()) c.sourceChannel = rng.pick(SOURCE_CHANNELS);
  if (has()) c.contactFrequency = rng.pick(FREQUENCIES);
  if (has()) c.relationshipPotential = rng.pick(POTENTIALS);
  if (has()) c.cooperationIntention = rng.pick(INTENTIONS);
  // Between a low (about half the peak) and a peak month, in 元.
  return { customer: c, size: { name: sizeName, staff, monthlyPurchase: Math.round(peak * 0.75 * 10_000) } };
}

/** 1–3 contacts (客户关系卡); the first is the key contact of about half the customers. */
export function demoContacts(rng: Random, customer: Pick<DemoCustomer, 'city'>, n = rng.int(1, 3)): DemoContact[] {
  const city = CITIES.find((x) => x.city === customer.city) ?? CITIES[0];
  const out: DemoContact[] = [];
  for (let i = 0; i < n; i++) {
    const name = personName(rng);
    const [position, department] = rng.pick(CONTACT_POSITIONS);
    const contact: DemoContact = { name, position, department, mobile: mobile(rng), isKey: i === 0 && rng.chance(0.5) };
    if (rng.chance(0.3)) contact.phone = landline(rng, city);
    if (rng.chance(0.4)) contact.email = `${plainPinyin(name)}${rng.int(1, 99)}@${rng.pick(['163.com', 'qq.com', '126.com', 'sina.com', 'foxmail.com'])}`;
    if (rng.chance(0.3)) contact.birthday = `${rng.int(1965, 1998)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    out.push(contact);
  }
  return out;
}
