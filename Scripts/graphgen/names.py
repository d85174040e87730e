"""Name material for generated graphs: plausible Hubei place, person, organization and enterprise
names, all synthetic. Two ways to draw them: `Names` draws from a seeded `random.Random` (the Hubei
graph, where the draws are part of its seeded sequence), `hashed_place` / `hashed_person` derive a
name from an index by a multiplicative hash (the scaled graphs, whose structure must not depend on
the names). Python 3 standard library only.
"""

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余"
            "于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏付方邹熊白孟秦邱侯江尹薛段雷龙"
            "黎史陶贺毛郝顾龚邵万覃严戴柯涂童舒詹喻")
# Common surnames come first and are drawn more often (index from a triangular draw).
GIVEN = ("伟芳敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红文斌辉玲鹏飞宇浩凯健俊帆波峰亮成"
         "林宏志海春梅兰云琴燕晶婷雪莉慧颖欣然思雨晨阳光荣德福贵发富兴旺金玉珍凤萍丹秋冬松柏"
         "祥瑞庆喜安康乐宁泽润博哲睿铭轩涵怡佳琪嘉子梓一新永长忠诚义礼智信")
PLACE_FIRST = SURNAMES[:60]
PLACE_ADJ = "石新红白青双三五大小东西南北上下前后中高平长龙凤金桃柳杨松竹梅花茶荷莲马鹤清古太永安和丰兴旺福宝柏枫杏梨"
PLACE_FEATURE = "湾岭河桥坪冲畈岗店集垸咀庙铺坡台寨沟坝塘港口山湖洲堰坊垭峪园庄营楼岩滩埠垄墩溪泉井林"
URBAN = ("民主 建设 幸福 和平 胜利 解放 光明 新华 人民 文化 朝阳 向阳 东风 红旗 滨江 江南 花园 锦绣 桂园 "
         "翠柳 学府 育才 友谊 团结 振兴 繁荣 长青 丽水 金桥 银湖 南湖 东湖 西苑 北苑 中心 站前 车站 公园 "
         "湖滨 沿河 新城 东城 西城 南城 北城 城东 城西 城南 城北 桂花 紫薇 玉泉 清江 汉江 荆江 楚天 "
         "龙泉 凤凰 白沙 青山 绿洲 春晖 阳光 康乐 安居 福星 金穗 丰收").split()
URBAN_SUFFIX = ["", "", "", "路", "街", "苑", "园"]
SHOP_NAMES = "鑫源丰华盛隆兴达宏瑞康泰福金绿农天宇恒昌荣硒润楚荆汉江山峰谷禾嘉和顺益诚信"
INDUSTRIES = [  # (industry attribute, Chinese business word)
    ("tea", "茶业"), ("agriculture", "生态农业"), ("food", "食品"), ("building-materials", "建材"),
    ("textile", "纺织"), ("logistics", "物流"), ("e-commerce", "电子商务"), ("tourism", "旅游开发"),
    ("aquaculture", "水产"), ("pharmaceutical", "药业"), ("machinery", "机械"),
    ("auto-parts", "汽车零部件"), ("mining", "矿业"), ("livestock", "养殖"), ("fruit", "果业"),
    ("grain-oil", "粮油"), ("chemical", "化工"), ("electronics", "电子科技"),
]
# An organization's name from its place's name, by type.
ORG_NAME = {
    "知联会": "{}党外知识分子联谊会",
    "新联会": "{}新的社会阶层人士联合会",
    "光彩会": "{}光彩事业促进会",
    "联络站": "{}统战工作联络站",
    "联络点": "{}统战工作联络点",
    "服务站": "{}统战工作服务站",
    "投诉服务中心": "{}非公有制企业投诉服务中心",
    "顾问团": "{}村级发展顾问团",
    "商会": "{}商会",
    "民主党派": "{}民盟支部",
    "网络人士组织": "{}网络人士联谊会",
}


class Names:
    """Plausible Chinese names, unique where it matters, from one seeded generator."""

    def __init__(self, rng):
        self.rng = rng
        self.enterprise_names = set()

    def surname(self):
        r = self.rng
        return SURNAMES[min(r.randrange(len(SURNAMES)), r.randrange(len(SURNAMES)))]

    def person(self):
        r = self.rng
        given = r.choice(GIVEN) + (r.choice(GIVEN) if r.randrange(10) < 7 else "")
        return self.surname() + given

    def village(self, taken):
        r = self.rng
        for _ in range(100):
            pattern = r.randrange(10)
            if pattern < 4:
                name = r.choice(PLACE_FIRST) + "家" + r.choice(PLACE_FEATURE)
            elif pattern < 7:
                name = r.choice(PLACE_ADJ) + r.choice(PLACE_FEATURE)
            elif pattern < 9:
                name = r.choice(PLACE_ADJ) + r.choice(PLACE_FEATURE) + r.choice(PLACE_FEATURE)
            else:
                name = r.choice(PLACE_FIRST) + r.choice(PLACE_FEATURE)
            name += "村"
            if name not in taken:
                return name
        raise RuntimeError("village names exhausted")

    def community(self, taken):
        r = self.rng
        for _ in range(100):
            if r.randrange(4) == 0:
                name = r.choice(PLACE_ADJ) + r.choice(PLACE_FEATURE) + "社区"
            else:
                name = r.choice(URBAN) + r.choice(URBAN_SUFFIX) + "社区"
            if name not in taken:
                return name
        raise RuntimeError("community names exhausted")

    def enterprise(self, place):
        r = self.rng
        for _ in range(100):
            industry, word = r.choice(INDUSTRIES)
            shop = r.choice(SHOP_NAMES) + r.choice(SHOP_NAMES)
            if industry in ("agriculture", "fruit", "livestock", "tea") and r.randrange(3) == 0:
                suffix = "专业合作社"
            else:
                suffix = "股份有限公司" if r.randrange(5) == 0 else "有限公司"
            name = ("湖北" if r.randrange(4) == 0 else "") + place + shop + word + suffix
            if name not in self.enterprise_names:
                self.enterprise_names.add(name)
                return name, industry
        raise RuntimeError("enterprise names exhausted")


def short_name(name):
    """湖北省 → 湖北, 长阳土家族自治县 → 长阳, 恩施土家族苗族自治州 → 恩施, 随县 stays 随县."""
    for suffix in ("土家族苗族自治州", "土家族自治县", "自治县", "林区", "省", "市", "县", "区"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


# Syllables of the scaled graphs' hashed place names.
SYLLABLES = ("安宝北长城川春大丹德东丰凤福阜高古官广桂汉和河红宏湖华黄建江金锦京荆景九康兰乐"
             "利莲林临龙隆鲁罗麻茂梅南宁平蒲七祁千青清庆秋瑞三沙山上石寿双水顺松太桃天通万"
             "望文乌五武西仙咸襄孝新兴秀宣阳杨宜永玉云枣张漳昭镇中钟竹资紫")


def hashed_place(index, suffix):
    """A two-syllable place name from an index: spread by a multiplicative hash, never random."""
    h = (index * 2654435761) & 0xFFFFFFFF
    n = len(SYLLABLES)
    return SYLLABLES[h % n] + SYLLABLES[(h // n) % n] + suffix


def hashed_person(index):
    """A three-character person name from an index, by a multiplicative hash."""
    h = (index * 2246822519) & 0xFFFFFFFF
    return SURNAMES[h % len(SURNAMES)] + GIVEN[(h >> 8) % len(GIVEN)] + GIVEN[(h >> 16) % len(GIVEN)]
