/**
 * Name parts for customers and addresses: surnames in order of frequency (the generator draws them skewed),
 * given names, cities with their region and telephone area code, and the names of shops, dealers, companies,
 * regulators and media outlets that complain too.
 */
export const SURNAMES: readonly string[] = (
  '王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 ' +
  '于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 ' +
  '尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 司马 上官'
).split(' ');

export const GIVEN_NAMES: readonly string[] = (
  '伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 建华 建国 志强 丹 萍 鹏 华 红 ' +
  '玉兰 飞 桂兰 英 梅 鑫 波 斌 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 欢 阳 建 亮 成 佳 晨 琳 婷 雪 莉 倩 颖 慧 ' +
  '淑珍 子涵 欣怡 梓涵 浩然 宇轩 一诺 雨桐 思远 嘉怡 俊杰 晓明 文博 晓燕 海燕 丽华 春梅 国强 志刚 秀云 玉珍 ' +
  '建军 红梅 振华 立新 德明 永刚 美玲 雅琴 晓东 海涛 文静 思雨 梦瑶 子轩 博文 天宇 嘉豪 诗涵 家乐 小红'
).split(' ');

export type City = {
  readonly region: string;
  readonly province: string;
  /** Province + city + district, as an address starts. */
  readonly prefix: string;
  readonly short: string;
  readonly areaCode: string;
};

const city = (region: string, province: string, prefix: string, short: string, areaCode: string): City => ({
  region,
  province,
  prefix,
  short,
  areaCode,
});

export const CITIES: readonly City[] = [
  city('华东', '上海', '上海市浦东新区', '上海', '021'),
  city('华东', '上海', '上海市闵行区', '上海', '021'),
  city('华东', '江苏', '江苏省南京市鼓楼区', '南京', '025'),
  city('华东', '江苏', '江苏省苏州市工业园区', '苏州', '0512'),
  city('华东', '浙江', '浙江省杭州市西湖区', '杭州', '0571'),
  city('华东', '浙江', '浙江省宁波市鄞州区', '宁波', '0574'),
  city('华东', '安徽', '安徽省合肥市蜀山区', '合肥', '0551'),
  city('华东', '山东', '山东省济南市历下区', '济南', '0531'),
  city('华东', '山东', '山东省青岛市市南区', '青岛', '0532'),
  city('华东', '福建', '福建省厦门市思明区', '厦门', '0592'),
  city('华东', '江西', '江西省南昌市红谷滩区', '南昌', '0791'),
  city('华南', '广东', '广东省广州市天河区', '广州', '020'),
  city('华南', '广东', '广东省深圳市南山区', '深圳', '0755'),
  city('华南', '广东', '广东省东莞市南城街道', '东莞', '0769'),
  city('华南', '广西', '广西壮族自治区南宁市青秀区', '南宁', '0771'),
  city('华南', '海南', '海南省海口市龙华区', '海口', '0898'),
  city('华北', '北京', '北京市朝阳区', '北京', '010'),
  city('华北', '北京', '北京市海淀区', '北京', '010'),
  city('华北', '天津', '天津市南开区', '天津', '022'),
  city('华北', '河北', '河北省石家庄市长安区', '石家庄', '0311'),
  city('华北', '山西', '山西省太原市小店区', '太原', '0351'),
  city('华中', '湖北', '湖北省武汉市洪山区', '武汉', '027'),
  city('华中', '湖南', '湖南省长沙市岳麓区', '长沙', '0731'),
  city('华中', '河南', '河南省郑州市金水区', '郑州', '0371'),
  city('西南', '四川', '四川省成都市武侯区', '成都', '028'),
  city('西南', '重庆', '重庆市渝北区', '重庆', '023'),
  city('西南', '云南', '云南省昆明市五华区', '昆明', '0871'),
  city('西北', '陕西', '陕西省西安市雁塔区', '西安', '029'),
  city('西北', '甘肃', '甘肃省兰州市城关区', '兰州', '0931'),
  city('东北', '辽宁', '辽宁省沈阳市和平区', '沈阳', '024'),
  city('东北', '辽宁', '辽宁省大连市中山区', '大连', '0411'),
  city('东北', '黑龙江', '黑龙江省哈尔滨市南岗区', '哈尔滨', '0451'),
];

export const ROADS: readonly string[] = (
  '人民路 解放路 中山路 建设路 长江路 黄河路 文化路 和平路 新华路 东风路 胜利路 学府路 科技路 滨江路 湖滨路 ' +
  '青年路 朝阳路 幸福路 光明路 工业大道'
).split(' ');

export const SHOPS: readonly string[] = '华联超市 永辉超市 大润发 物美超市 联华超市 苏果超市 步步高超市 天虹商场'.split(' ');
export const DEALER_WORDS: readonly string[] = '禾丰 鑫源 万家 恒通 顺达 嘉和 同福 兴旺 瑞丰 百汇'.split(' ');
export const COMPANY_KINDS: readonly string[] = '商贸有限公司 食品经营部 贸易有限公司 电器商行'.split(' ');
export const B2B_KINDS: readonly string[] = '大酒店 学校食堂 连锁餐饮公司 员工食堂 幼儿园'.split(' ');

export const PURCHASE_PLACES: readonly string[] = (
  '天猫旗舰店 京东自营 拼多多官方店 抖音直播间 永辉超市 社区便利店 品牌专卖店 苏宁易购 大润发 华联超市'
).split(' ');

/** Mobile prefixes of the three carriers. */
export const MOBILE_PREFIXES: readonly string[] = (
  '138 139 137 136 135 150 151 152 158 159 182 183 187 188 130 131 132 155 156 186 133 153 180 189 177 199'
).split(' ');
