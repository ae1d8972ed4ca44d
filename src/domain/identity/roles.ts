/**
 * The built-in roles (DOMAIN.md §1). A user holds one or more of them; what each may do is in
 * `role-grants.ts`. Labels are shown in the console and in error messages.
 */
export const ROLES = [
  'agent',
  'department_manager',
  'service_manager',
  'quality_engineer',
  'engineer',
  'production',
  'finance',
  'business_manager',
  'sales_centre',
  'general_manager',
  'chief_engineer',
  'supervisor',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { readonly 'zh-CN': string; readonly en: string }> = {
  agent: { 'zh-CN': '客服专员', en: 'Agent' },
  department_manager: { 'zh-CN': '部门经理', en: 'Department manager' },
  service_manager: { 'zh-CN': '服务经理', en: 'Service manager' },
  quality_engineer: { 'zh-CN': '品质工程师', en: 'Quality engineer' },
  engineer: { 'zh-CN': '工程师', en: 'Engineer' },
  production: { 'zh-CN': '生产单位', en: 'Production' },
  finance: { 'zh-CN': '财务', en: 'Finance' },
  business_manager: { 'zh-CN': '业务经理', en: 'Business manager' },
  sales_centre: { 'zh-CN': '销售中心', en: 'Sales centre' },
  general_manager: { 'zh-CN': '总经理', en: 'General manager' },
  chief_engineer: { 'zh-CN': '总工程师', en: 'Chief engineer' },
  supervisor: { 'zh-CN': '监督/审计', en: 'Supervisor / auditor' },
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
