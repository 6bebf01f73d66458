/**
 * The controlled vocabularies of the handbook: branch roles and case tags.
 * This is the only place they are defined; URLs, filters, validation and
 * page labels all read from here.
 */

export interface Role {
  /** Two-digit prefix of every case id of this role (01003 → "01"). */
  readonly code: string;
  /** ASCII slug used in URLs: /cases/role/{slug}/ */
  readonly slug: string;
  /** Short name shown in lists and filters. */
  readonly name: string;
  /** Full name as the case library writes it. */
  readonly fullName: string;
}

export const ROLES = [
  { code: '01', slug: 'lobby', name: '大堂经理', fullName: '大堂经理' },
  { code: '02', slug: 'teller', name: '高柜柜员', fullName: '高柜柜员' },
  { code: '03', slug: 'wealth', name: '理财师', fullName: '对私客户经理（理财师）' },
  { code: '04', slug: 'corporate', name: '对公客户经理', fullName: '对公客户经理' },
  { code: '05', slug: 'call-center', name: '客服座席员', fullName: '客服座席员' },
  { code: '06', slug: 'branch', name: '网点现场管理', fullName: '网点现场管理' },
  { code: '07', slug: 'loan', name: '个贷信贷员', fullName: '对私客户经理（个贷信贷员）' },
] as const satisfies readonly Role[];

export type RoleSlug = (typeof ROLES)[number]['slug'];

export const ROLE_SLUGS = ROLES.map((r) => r.slug) as [RoleSlug, ...RoleSlug[]];

export interface Tag {
  /** ASCII slug used in URLs: /cases/tag/{slug}/ */
  readonly slug: string;
  /** The tag as written in case frontmatter and shown to readers. */
  readonly name: string;
  readonly group: TagGroup;
}

export type TagGroup = 'business' | 'situation' | 'handling';

export const TAG_GROUPS: Record<TagGroup, string> = {
  business: '业务',
  situation: '情形',
  handling: '处理方法',
};

export const TAGS = [
  // 业务：投诉涉及的产品或业务
  { slug: 'account', name: '开户销户', group: 'business' },
  { slug: 'lost-card', name: '挂失补卡', group: 'business' },
  { slug: 'cash', name: '现金存取', group: 'business' },
  { slug: 'large-cash', name: '大额取现', group: 'business' },
  { slug: 'transfer', name: '转账汇款', group: 'business' },
  { slug: 'forex', name: '外汇业务', group: 'business' },
  { slug: 'deposit', name: '存款利息', group: 'business' },
  { slug: 'credit-card', name: '信用卡', group: 'business' },
  { slug: 'loan', name: '个人贷款', group: 'business' },
  { slug: 'wealth', name: '理财产品', group: 'business' },
  { slug: 'fund', name: '基金证券', group: 'business' },
  { slug: 'bond', name: '国债', group: 'business' },
  { slug: 'fees', name: '收费', group: 'business' },
  { slug: 'atm', name: '自助设备', group: 'business' },
  { slug: 'e-banking', name: '电子银行', group: 'business' },
  { slug: 'payments', name: '代收代扣', group: 'business' },
  { slug: 'corporate', name: '对公业务', group: 'business' },
  { slug: 'credit-report', name: '征信', group: 'business' },
  { slug: 'counterfeit', name: '假币', group: 'business' },
  { slug: 'bills', name: '票据结算', group: 'business' },
  { slug: 'collection', name: '债务催收', group: 'business' },
  // 情形：投诉是怎么来的
  { slug: 'queue', name: '排队等候', group: 'situation' },
  { slug: 'vip', name: '贵宾客户', group: 'situation' },
  { slug: 'elderly', name: '老年客户', group: 'situation' },
  { slug: 'special-needs', name: '特殊群体', group: 'situation' },
  { slug: 'attitude', name: '服务态度', group: 'situation' },
  { slug: 'staff-error', name: '操作差错', group: 'situation' },
  { slug: 'knowledge', name: '业务不熟', group: 'situation' },
  { slug: 'disclosure', name: '告知不足', group: 'situation' },
  { slug: 'sales', name: '销售适当性', group: 'situation' },
  { slug: 'rules', name: '制度解释', group: 'situation' },
  { slug: 'system', name: '系统故障', group: 'situation' },
  { slug: 'privacy', name: '客户信息', group: 'situation' },
  { slug: 'fraud', name: '资金安全', group: 'situation' },
  { slug: 'id-docs', name: '身份证件', group: 'situation' },
  { slug: 'lobby', name: '现场秩序', group: 'situation' },
  { slug: 'repeat', name: '重复投诉', group: 'situation' },
  { slug: 'media', name: '媒体与监管', group: 'situation' },
  { slug: 'lost-property', name: '遗失物品', group: 'situation' },
  { slug: 'anti-fraud', name: '反诈', group: 'situation' },
  { slug: 'group', name: '群体投诉', group: 'situation' },
  { slug: 'aggression', name: '过激行为', group: 'situation' },
  { slug: 'phone', name: '电话投诉', group: 'situation' },
  // 处理方法：好的处理用到了什么
  { slug: 'first-contact', name: '首问负责', group: 'handling' },
  { slug: 'calming', name: '情绪安抚', group: 'handling' },
  { slug: 'listening', name: '倾听', group: 'handling' },
  { slug: 'apology', name: '道歉', group: 'handling' },
  { slug: 'compensation', name: '补偿', group: 'handling' },
  { slug: 'explaining', name: '解释说明', group: 'handling' },
  { slug: 'visit', name: '登门拜访', group: 'handling' },
  { slug: 'follow-up', name: '跟进回访', group: 'handling' },
  { slug: 'teamwork', name: '内部协作', group: 'handling' },
  { slug: 'flexibility', name: '灵活变通', group: 'handling' },
  { slug: 'proactive', name: '主动服务', group: 'handling' },
  { slug: 'opportunity', name: '化怨为机', group: 'handling' },
  { slug: 'retention', name: '客户挽留', group: 'handling' },
  { slug: 'cross-selling', name: '营销推荐', group: 'handling' },
  { slug: 'staff-care', name: '员工疏导', group: 'handling' },
] as const satisfies readonly Tag[];

export type TagName = (typeof TAGS)[number]['name'];
