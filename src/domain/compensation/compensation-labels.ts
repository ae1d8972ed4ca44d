import type { ApproverRole, CompensationKind } from './compensation-policy';

type Label = { readonly 'zh-CN': string; readonly en: string };

/** R-RES-1 option names as the customer and the forms read them. */
export const COMPENSATION_KIND_LABELS: Readonly<Record<CompensationKind, Label>> = {
  repair: { 'zh-CN': '免费维修', en: 'Free repair' },
  replacement: { 'zh-CN': '换货', en: 'Replacement' },
  refund: { 'zh-CN': '退货退款', en: 'Return and refund' },
  price_difference: { 'zh-CN': '补偿差价', en: 'Price difference' },
  company_products: { 'zh-CN': '赠送本公司产品', en: 'Company products' },
  voucher: { 'zh-CN': '代金券', en: 'Voucher' },
  points: { 'zh-CN': '会员积分', en: 'Points' },
  extended_warranty: { 'zh-CN': '延长保修', en: 'Extended warranty' },
  future_order_discount: { 'zh-CN': '后续订单折扣', en: 'Future-order discount' },
  thanks_gift: { 'zh-CN': '致谢礼品', en: 'Thank-you gift' },
  apology: { 'zh-CN': '解释与致歉', en: 'Explanation and apology' },
  cash: { 'zh-CN': '现金补偿', en: 'Cash compensation' },
};

/** Approver roles as printed next to a signature. */
export const APPROVER_ROLE_LABELS: Readonly<Record<ApproverRole, Label>> = {
  department_manager: { 'zh-CN': '部门经理', en: 'Department manager' },
  service_manager: { 'zh-CN': '服务经理', en: 'Service manager' },
  site_supervisor: { 'zh-CN': '现场核查·主管', en: 'Site check: supervisor' },
  site_technician: { 'zh-CN': '现场核查·技术员', en: 'Site check: technician' },
  business_manager: { 'zh-CN': '业务经理', en: 'Business manager' },
  sales_centre: { 'zh-CN': '销售中心', en: 'Sales centre' },
  general_manager: { 'zh-CN': '总经理', en: 'General manager' },
};
