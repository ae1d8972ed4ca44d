import type { Role } from '../../src/domain/identity/roles';

/**
 * The organisation of a mid-sized food and small-appliance maker: 31 departments (service desks, quality, R&D,
 * workshops, logistics, sales…) and how many people of which role work in each. Desks are where complaints come
 * in; the other departments own the failure mechanisms of catalogue-texts.ts.
 */
export type DepartmentDef = {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly parent: string | null;
  /** People besides the department manager, by role. */
  readonly staff: Partial<Readonly<Record<Role, number>>>;
};

const d = (
  code: string,
  name: string,
  nameEn: string,
  parent: string | null,
  staff: DepartmentDef['staff'] = {},
): DepartmentDef => ({ code, name, nameEn, parent, staff });

export const DEPARTMENTS: readonly DepartmentDef[] = [
  d('HQ', '总公司', 'Head office', null, { admin: 1, supervisor: 1 }),
  d('GMO', '总经办', "General manager's office", 'HQ', { general_manager: 1 }),
  d('CS', '客户服务中心', 'Customer service centre', 'HQ', { service_manager: 2 }),
  d('CS-HOTLINE', '400热线组', 'Hotline desk', 'CS', { agent: 42 }),
  d('CS-EAST', '华东客服组', 'Customer service East', 'CS', { agent: 26 }),
  d('CS-SOUTH', '华南客服组', 'Customer service South', 'CS', { agent: 22 }),
  d('CS-NORTH', '华北客服组', 'Customer service North', 'CS', { agent: 20 }),
  d('CS-ONLINE', '电商客服组', 'Online customer service', 'CS', { agent: 30 }),
  d('QA', '品质部', 'Quality', 'HQ'),
  d('QA-FOOD', '食品品控科', 'Food quality control', 'QA', { quality_engineer: 10 }),
  d('QA-APPL', '电器品质科', 'Appliance quality', 'QA', { quality_engineer: 7 }),
  d('QA-LAB', '检测中心', 'Test laboratory', 'QA', { quality_engineer: 4, engineer: 2 }),
  d('RD', '研发中心', 'R&D centre', 'HQ'),
  d('RD-FOOD', '食品研发部', 'Food R&D', 'RD', { engineer: 5 }),
  d('RD-APPL', '电器研发部', 'Appliance R&D', 'RD', { engineer: 7 }),
  d('PROD', '生产中心', 'Production centre', 'HQ'),
  d('PROD-W1', '一车间（烘焙）', 'Workshop 1 (bakery)', 'PROD', { production: 5 }),
  d('PROD-W2', '二车间（乳品饮料）', 'Workshop 2 (dairy and drinks)', 'PROD', { production: 5 }),
  d('PROD-W3', '三车间（电器总装）', 'Workshop 3 (appliance assembly)', 'PROD', { production: 4 }),
  d('PROD-W4', '四车间（注塑）', 'Workshop 4 (moulding)', 'PROD', { production: 3 }),
  d('SCM', '供应链管理部', 'Supply chain', 'HQ'),
  d('LOG', '物流部', 'Logistics', 'SCM', { engineer: 6 }),
  d('PUR', '采购部', 'Purchasing', 'SCM', { engineer: 3 }),
  d('SALES', '销售中心', 'Sales centre', 'HQ'),
  d('SALES-EAST', '华东大区', 'Sales East', 'SALES', { agent: 5 }),
  d('SALES-SOUTH', '华南大区', 'Sales South', 'SALES', { agent: 5 }),
  d('SALES-NORTH', '华北大区', 'Sales North', 'SALES', { agent: 4 }),
  d('SALES-ECOM', '电商事业部', 'E-commerce', 'SALES', { agent: 6 }),
  d('AFTER', '售后服务部', 'After-sales service', 'HQ', { engineer: 14 }),
  d('FIN', '财务部', 'Finance', 'HQ', { finance: 3 }),
  d('IT', '信息部', 'IT', 'HQ', { admin: 1 }),
];

/** Service desks: where each channel's complaints are registered (intake department, R-SEC-1 scope). */
export const DESK_OF_REGION: Readonly<Record<string, string>> = {
  华东: 'CS-EAST',
  华南: 'CS-SOUTH',
  西南: 'CS-SOUTH',
  华北: 'CS-NORTH',
  华中: 'CS-NORTH',
  西北: 'CS-NORTH',
  东北: 'CS-NORTH',
};
