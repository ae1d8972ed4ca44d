/**
 * Product lines: 70 % food, 30 % small and large appliances. A product is brand + series + noun, with a pack size
 * (food) or a model number (appliances); the noun is what customers write ("苏打饼干里面吃出一根头发").
 */
export type ProductLine = {
  readonly kind: 'food' | 'appliance';
  readonly category: string;
  readonly nouns: readonly string[];
  /** Food: pack sizes. Appliances: model prefixes. */
  readonly packs: readonly string[];
  readonly priceFen: readonly [number, number];
  readonly warrantyMonths: number | null;
  /** Relative weight of the line within its kind. */
  readonly weight: number;
};

const line = (
  kind: ProductLine['kind'],
  category: string,
  nouns: string,
  packs: string,
  priceFen: [number, number],
  warrantyMonths: number | null,
  weight: number,
): ProductLine => ({ kind, category, nouns: nouns.split(' '), packs: packs.split(' '), priceFen, warrantyMonths, weight });

export const PRODUCT_LINES: readonly ProductLine[] = [
  line('food', '饼干', '苏打饼干 夹心饼干 曲奇饼干 威化饼干', '400g/袋 200g/盒 1kg/箱', [800, 3500], null, 3),
  line('food', '烘焙', '手撕面包 吐司面包 蛋黄派 老婆饼 月饼', '500g/袋 6枚/盒 10个/箱', [1200, 6000], null, 3),
  line('food', '乳制品', '纯牛奶 酸奶 奶粉 奶酪棒', '250ml×12盒 200g×8杯 800g/罐', [3000, 25000], null, 3),
  line('food', '饮料', '果汁 茶饮料 矿泉水 椰子汁', '500ml×15瓶 1L×6瓶', [2000, 6000], null, 2),
  line('food', '速冻', '水饺 汤圆 包子', '1kg/袋 500g/袋', [1500, 4000], null, 2),
  line('food', '休闲零食', '薯片 坚果 牛肉干 海苔', '100g/袋 500g/罐', [500, 9000], null, 3),
  line('food', '方便食品', '方便面 自热火锅 螺蛳粉', '5包/袋 1盒', [1000, 4000], null, 2),
  line('food', '调味品', '酱油 香醋 火锅底料', '500ml/瓶 300g/袋', [800, 3000], null, 1),
  line('appliance', '厨房电器', '电饭煲 电水壶 豆浆机 破壁机 空气炸锅 电磁炉 微波炉', 'MB DK WF', [15000, 80000], 12, 4),
  line('appliance', '生活电器', '电风扇 加湿器 取暖器 吸尘器 净化器', 'FS JS QN XC', [10000, 150000], 12, 3),
  line('appliance', '大家电', '空调 热水器 冰箱 洗衣机', 'KFR JSQ BCD XQB', [150000, 600000], 36, 2),
];

export const FOOD_BRANDS: readonly string[] = '康达 禾丰 金麦 佳味 喜乐 田园 优品 谷香 乐滋 北纬'.split(' ');
export const APPLIANCE_BRANDS: readonly string[] = '美家 欣悦 安捷 惠尔 逸居 东芯'.split(' ');
export const FOOD_SERIES: readonly string[] = '原味 经典 家庭装 轻享 臻选 儿童 低脂 老式 新品 精装'.split(' ');
export const APPLIANCE_SERIES: readonly string[] = '智能 静音 迷你 节能 旗舰 经典'.split(' ');
