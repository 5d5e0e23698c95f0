"""Administrative units named in a text, by the rules of the benchmark spec."""

from __future__ import annotations

import pytest

from ingestion.parsing.gazetteer import build_gazetteer, gazetteer_rows, load_gazetteer, location_rows, merge_rows, short_form
from ingestion.parsing.regions import RegionContext, find_regions, page_context

HEBEI = "130000000000"
TANGSHAN = "130200000000"


def names(text: str, ctx: RegionContext | None = None) -> list[str]:
    ctx = ctx or RegionContext(province_codes=frozenset({HEBEI}))
    return [r.name for r in find_regions(text, [(0, len(text))], ctx)]


# --- gazetteer -----------------------------------------------------------------


def test_gazetteer_levels_and_hierarchy():
    gaz = load_gazetteer()
    assert gaz.by_code[HEBEI].level == "province"
    assert gaz.by_code[TANGSHAN].level == "city"
    assert gaz.by_code[TANGSHAN].parent_code == HEBEI
    county = next(r for r in gaz.regions if r.name == "正定县")
    assert county.level == "county" and county.province_code == HEBEI
    assert county.city_code == "130100000000"


def test_gazetteer_skips_placeholder_rows():
    assert not [r for r in load_gazetteer().regions if r.name in ("市辖区", "县", "省直辖县级行政区划")]


def test_short_forms_strip_suffixes_and_ethnic_words():
    ethnic = ("满族", "蒙古族", "维吾尔", "壮族", "回族", "蒙古")
    assert short_form("青龙满族自治县", ethnic) == "青龙"
    assert short_form("内蒙古自治区", ethnic) == "内蒙古"
    assert short_form("新疆维吾尔自治区", ethnic) == "新疆"
    assert short_form("广西壮族自治区", ethnic) == "广西"
    assert short_form("唐山市", ethnic) == "唐山"
    assert short_form("沧县", ethnic) is None  # one character is not a usable short form


def test_gazetteer_rows_have_the_table_columns():
    row = gazetteer_rows()[0]
    assert set(row) == {
        "region_code",
        "region_name",
        "short_name",
        "level",
        "parent_code",
        "province_code",
        "city_code",
    }


# --- mentions ------------------------------------------------------------------


def test_full_and_short_forms_give_the_full_name_once():
    assert names("唐山市召开会议，唐山各县区参加。") == ["唐山市"]


def test_short_form_inside_an_organisation_name_counts():
    assert names("唐山联通开展志愿服务。") == ["唐山市"]


def test_province_short_form_and_full_form():
    assert names("燕赵大地，河北各地积极行动，河北省委部署。") == ["河北省"]


def test_dateline_place_counts():
    assert names("本报保定2月4日电 近日召开会议。") == ["保定市"]


def test_not_inside_a_newspaper_name():
    assert names("唐山日报记者报道，活动很精彩。") == []
    ctx = RegionContext(newspaper="唐山劳动日报", province_codes=frozenset({HEBEI}))
    assert names("唐山劳动日报讯 活动很精彩。", ctx) == []


def test_one_character_abbreviations_do_not_count():
    assert names("京津冀协同发展，冀东地区。") == []


def test_common_words_are_not_places():
    assert names("平安社区建设，乡村振兴，复兴之路，光明前景。") == []


def test_streets_named_after_places_are_not_the_place():
    assert names("家住北京路一号。") == []
    assert names("东河北里社区居民。") == []


def test_county_short_forms_only_in_the_page_province():
    # 柳河 is a county in Jilin: on a Hebei page it is a river, not the county.
    assert names("村民在柳河山谷修建步道。") == []
    assert names("吉林省柳河县代表团来访。") == ["吉林省", "柳河县"]


def test_county_short_form_in_the_page_province_counts():
    assert names("正定古城游人如织。") == ["正定县"]


def test_two_character_county_name_inside_a_word_does_not_count():
    ctx = RegionContext(province_codes=frozenset({"140000000000"}))  # Shanxi has a 兴县
    assert names("大力振兴县域经济。", ctx) == []


def test_foreign_countries_are_not_regions():
    assert names("来自日本、韩国和新加坡的客商。") == []


def test_ambiguous_name_resolved_by_page_city():
    ctx = RegionContext(city_code=TANGSHAN, province_codes=frozenset({HEBEI}))
    got = find_regions("路南区召开会议。", [(0, 8)], ctx)
    assert got[0].name == "路南区" and got[0].code.startswith("1302")


def test_reformed_county_keeps_the_printed_suffix():
    # The code list predates 永年县 becoming 永年区.
    assert names("永年区开展活动。") == ["永年区"]


def test_prefixed_development_zone_gives_zone_and_city():
    assert names("唐山高新区企业") == ["唐山市", "唐山高新区"]
    assert names("保定经济开发区管委会") == ["保定市", "保定经济开发区"]


def test_bare_zone_on_a_page_with_a_known_city():
    ctx = RegionContext(city_code=TANGSHAN, province_codes=frozenset({HEBEI}), city_confident=True)
    got = find_regions("近日，开发区组织企业座谈。", [(0, 13)], ctx)
    assert [(r.name, r.level, r.inferred) for r in got] == [
        ("唐山经济开发区", "zone", False),
        ("唐山市", "city", True),
    ]
    assert [r.name for r in find_regions("在高新区举行。", [(0, 7)], ctx) if not r.inferred] == ["唐山高新区"]


def test_printed_city_replaces_the_inferred_one():
    ctx = RegionContext(city_code=TANGSHAN, province_codes=frozenset({HEBEI}), city_confident=True)
    text = "开发区企业来到唐山参展。"
    got = find_regions(text, [(0, len(text))], ctx)
    assert [(r.name, r.inferred) for r in got] == [("唐山经济开发区", False), ("唐山市", False)]


def test_bare_zone_without_a_known_city_is_skipped():
    assert names("近日，开发区组织企业座谈。") == []


def test_a_towns_zone_is_not_a_unit():
    ctx = RegionContext(city_code=TANGSHAN, province_codes=frozenset({HEBEI}), city_confident=True)
    assert names("某某镇开发区新上项目。", ctx) == []


def test_only_spans_of_the_article_are_searched():
    text = "唐山市甲。保定市乙。"
    ctx = RegionContext(province_codes=frozenset({HEBEI}))
    assert [r.name for r in find_regions(text, [(5, 10)], ctx)] == ["保定市"]


def test_excluded_spans_are_skipped():
    text = "记者张保定报道"
    ctx = RegionContext(province_codes=frozenset({HEBEI}), exclude=((2, 5),))
    assert find_regions(text, [(0, len(text))], ctx) == []


def test_page_context_finds_the_dominant_city_and_province():
    text = "唐山市甲。唐山乙。唐山丙。保定丁。"
    ctx = page_context(text, [(0, len(text))])
    assert ctx.city_code == TANGSHAN and ctx.city_confident
    assert HEBEI in ctx.province_codes


def test_page_context_from_the_papers_name():
    ctx = page_context("正文。", [(0, 3)], newspaper="唐山日报")
    assert ctx.city_code == TANGSHAN and ctx.city_confident


def test_other_newspaper_name_shapes_are_not_places():
    assert names("唐山劳动日报社组织采访。") == []
    assert names("保定晚报消息。") == []


def test_a_report_from_a_place_counts():
    assert names("唐山报道：活动举行。") == ["唐山市"]


def test_words_for_streets_in_general_do_not_hide_the_place():
    # 街头 / 路灯 are the town's streets and street lights, not a street named after it.
    assert names("夜幕下的唐山街头灯火通明。") == ["唐山市"]
    assert names("正定路灯全部换新。") == ["正定县"]
    assert names("家住唐山路一号。") == []


def test_full_name_opening_with_the_city_character():
    shandong = RegionContext(province_codes=frozenset({"370000000000"}))
    assert names("市中区召开专题会议。", shandong) == ["市中区"]
    assert names("城市中区域发展不平衡。", shandong) == []
    assert names("全市中区县一级单位参加。", shandong) == []


def test_unit_of_the_page_province_wins_over_a_higher_level_elsewhere():
    # 兴安 is a district in Heilongjiang and a league (prefecture level) in Inner Mongolia.
    heilongjiang = RegionContext(province_codes=frozenset({"230000000000"}))
    inner_mongolia = RegionContext(province_codes=frozenset({"150000000000"}))
    assert names("兴安组织志愿者清扫街道。", heilongjiang) == ["兴安区"]
    assert names("兴安组织志愿者清扫街道。", inner_mongolia) == ["兴安盟"]


def test_bare_zone_after_the_same_zone_in_full_is_that_zone():
    text = "唐山高新区管委会召开会议。会后，高新区企业代表发言。"
    got = find_regions(text, [(13, len(text))], RegionContext(province_codes=frozenset({HEBEI})))
    assert [(r.name, r.inferred) for r in got] == [("唐山高新区", False), ("唐山市", True)]


def test_bare_zone_of_another_kind_is_not_the_zone_in_full():
    assert names("唐山经济技术开发区召开会议。会后，高新区企业代表发言。") == ["唐山市", "唐山经济技术开发区"]


# --- supplementing the code list (jionlp's location tree, when installed) ----------

LOCATION_TREE = """河北省\t130000\t河北
\t邢台市\t130500\t邢台
\t\t桥东区\t130502\t桥东
\t\t襄都区\t130502\t襄都
\t\t\t某某街道
\t\t\t\t某某社区
\t\t邢台经济开发区\t130571\t经开区
\t唐山市\t130200\t唐山
\t\t滦州市\t130284\t滦州
\t\t某某高新技术产业开发区\t130273\t高新区
\t\t市直辖行政区划\t130290\t
香港特别行政区\t810000\t香港
\t香港\t810100\t香港
\t\t东区\t810103\t东区
"""


def test_location_tree_rows_are_units_with_codes():
    rows = location_rows(LOCATION_TREE)
    assert [(r["adcode"], r["name"]) for r in rows] == [
        ("130000000000", "河北省"),
        ("130500000000", "邢台市"),
        ("130502000000", "桥东区"),
        ("130502000000", "襄都区"),
        ("130200000000", "唐山市"),
        ("130284000000", "滦州市"),
    ]


def test_merge_adds_only_units_the_code_list_lacks():
    base = [
        {"adcode": "130000000000", "name": "河北省"},
        {"adcode": "130500000000", "name": "邢台市"},
        {"adcode": "130502000000", "name": "桥东区"},
        {"adcode": "130200000000", "name": "唐山市"},
        {"adcode": "130223000000", "name": "滦县"},
    ]
    merged = merge_rows(base, location_rows(LOCATION_TREE))
    assert [r["name"] for r in merged[len(base) :]] == ["襄都区", "滦州市"]
    gaz = build_gazetteer(merged, [])
    assert gaz.by_code["130502000000"].name == "桥东区"  # the reused code keeps the unit listed first
    renamed = next(r for r in gaz.regions if r.name == "襄都区")
    assert (renamed.level, renamed.city_code, renamed.short_name) == ("county", "130500000000", "襄都")
    assert next(r for r in gaz.regions if r.name == "滦州市").short_name == "滦州"


# --- a national paper's pages: no paper province, places from all over ---------


def national(text: str) -> list[str]:
    """Regions of a one-article page whose paper names no province (a national daily)."""
    spans = [(0, len(text))]
    return [r.name for r in find_regions(text, spans, page_context(text, spans))]


def test_county_short_form_needs_its_province_or_city_on_the_page():
    assert national("不辜负党和政府的期望，也要排除带来安全隐患的因素。") == []  # 和政, 来安 are counties
    assert national("记者来到河北，正定古城游人如织。") == ["河北省", "正定县"]
    assert national("记者来到石家庄，正定古城游人如织。") == ["石家庄市", "正定县"]


def test_county_short_form_printed_with_its_suffix_or_long_needs_no_context():
    assert national("昌江县的果农开始采收。") == ["昌江黎族自治县"]
    assert national("列车从长春开往乌兰浩特。") == ["长春市", "乌兰浩特市"]
    assert national("开发区管委会东区服务站开展活动。") == []  # 会东 + 区 read across 管委会东区


def test_river_lake_or_mountain_named_like_a_unit_is_not_the_unit():
    assert national("四川南充的市民在嘉陵江畔散步。") == ["四川省", "南充市"]
    assert national("上海的游客沿着黄浦江漫步。") == ["上海市"]
    assert national("湖南长沙的学生登上岳麓山。") == ["湖南省", "长沙市"]
    assert national("青岛峰会开幕，南京江北的代表出席。") == ["青岛市", "南京市"]  # 南京 goes on with a place


def test_a_person_whose_given_name_is_a_place():
    assert national("公司总经理刘大庆介绍，产量翻了一番。") == []
    assert national("在大庆，油田工人加紧生产。") == ["大庆市"]


def test_short_form_read_across_a_word_is_not_a_place():
    assert national("总书记出席重大庆典。") == []
    assert national("他是海军大连舰艇学院的学员。") == ["大连市"]
    assert names("易地扶贫搬迁安置区建成。") == []  # 迁安 (Hebei) inside 搬迁安置


# --- units renamed or created since the code list (data/admin_changes_since_2015.csv) ----


def test_changes_table_resolves_every_row_to_the_unit_it_replaced():
    import csv

    from ingestion.parsing.gazetteer import CHANGES_CSV, _data_dir, change_rows

    with open(_data_dir() / "adcodes.csv", encoding="utf-8", newline="") as f:
        base = list(csv.DictReader(f))
    with open(CHANGES_CSV, encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    assert {"name", "former_name", "province", "city", "year", "source"} <= set(table[0])
    assert all(2015 <= int(row["year"]) <= 2024 and row["source"] for row in table)
    resolved = change_rows(base)
    assert len(resolved) == len(table)  # every former unit found once in its province and prefecture
    base_names = {(r["name"], r["adcode"][:2]) for r in base}
    assert not [r for r in resolved if (r["name"], r["adcode"][:2]) in base_names]  # only units cpca lacks


def test_renamed_unit_takes_the_replaced_units_place_and_code():
    gaz = load_gazetteer()
    new = next(r for r in gaz.regions if r.name == "上党区")  # 长治县 until 2018
    old = next(r for r in gaz.regions if r.name == "长治县")
    assert (new.code, new.city_code, new.level) == (old.code, old.city_code, old.level)


def test_short_form_of_a_renamed_unit_gives_the_current_name():
    assert national("河北邯郸永年的农民喜获丰收。") == ["河北省", "邯郸市", "永年区"]
    assert national("长治市上党区开展活动。") == ["长治市", "上党区"]


def test_lakes_nicknames_and_halls_named_like_districts_are_not_the_district():
    assert national("浙江杭州的游客泛舟西湖。") == ["浙江省", "杭州市"]  # 西湖 the lake (西湖区 is the district)
    assert national("福建的榕城迎来春天。") == ["福建省"]  # 榕城: Fuzhou's nickname, and a district of Jieyang
    assert national("北京中南海怀仁堂举行仪式，山西代表出席。") == ["北京市", "山西省"]  # a hall, not 怀仁市
    assert national("杭州西湖区召开会议。") == ["杭州市", "西湖区"]  # the full name still counts


# --- state-level new areas (data/national_new_areas.csv) -------------------------------


def test_state_level_new_areas_are_zones_and_hide_the_county_inside_their_name():
    assert names("雄安新区建设全面提速。") == ["雄安新区"]  # not 安新 (县 → 区) read inside it
    assert names("南京江北新区推出新政。") == ["南京市", "江北新区"]  # not 江北区
    assert names("兰州新区招商成效明显。") == ["兰州市", "兰州新区"]  # 兰州 still names the city
    assert names("浦东新区开展志愿服务。") == ["浦东新区"]  # a district of the code list, as before


def test_new_areas_table_has_its_approvals():
    import csv

    from ingestion.parsing.regions import NEW_AREAS_CSV

    with open(NEW_AREAS_CSV, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len({r["name"] for r in rows}) >= 17
    assert all(r["name"].endswith("新区") and r["province"] and 2010 <= int(r["approved"]) <= 2017 and r["source"] for r in rows)



def test_a_short_form_after_a_preposition_gives_way_to_the_name_after_it():
    assert names("这是他从江西背回来的树苗。") == ["江西省"]  # 从江西, not 从江 (从江县)
    assert names("从江县位于贵州东南部。") == ["从江县", "贵州省"]


def test_a_country_pair_is_not_a_city():
    assert names("他说，巴中两国友谊深厚，巴中合作成果丰硕。") == []  # Pakistan and China
    assert names("巴中市委书记到村里调研。") == ["巴中市"]
    # on a page about Pakistan, 巴中 is the two countries (在巴中资机构, 巴中友谊); the full name still counts
    assert names("巴基斯坦总理表示，巴中友谊牢固，将保护在巴中资机构安全。") == []
    assert names("巴方代表团访问了四川巴中市。") == ["四川省", "巴中市"]
    # 九成都返京: nine tenths all came back; 成都 after a numeral is a share, the city keeps its name
    assert names("如今九成都返京复工了。") == []
    assert names("他从成都出发。", RegionContext(province_codes=frozenset({"51"}))) == ["成都市"]



def test_words_read_across_a_unit_s_name():
    assert names("设计院搬迁到位于豫西山区的城市。") == []  # 豫西 + 山区, not 西山区
    assert names("蔬菜抵达长沙湾市场。") == []  # 市场, not 沙湾市
    assert names("村民开了一家渔乐山庄。") == []  # 山庄, not 乐山
    assert names("反对文山会海式的执行。") == []  # an idiom, not 文山
    assert names("西山区开展志愿服务。") == ["西山区"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("贵州山区和湖南山区的孩子走出大山。", ["贵州省", "湖南省"]),  # 南山区 read across 湖南 + 山区
        ("江西山区的茶农增收了。", ["江西省"]),
        ("深圳市南山区举办活动。", ["深圳市", "南山区"]),  # after a full name the district stands
        ("全校师生隆重庆祝教师节。", []),  # 隆重 + 庆祝, not 重庆
    ],
)
def test_a_district_named_like_a_common_word_across_a_place(text, expected):
    assert names(text) == expected



def test_a_county_short_form_before_town_is_a_town_of_the_same_name():
    sichuan = RegionContext(province_codes=frozenset({"510000000000"}))
    # a town of a Xinjiang county shares its name with Santai County in Sichuan
    assert "三台县" not in names("吉木萨尔县供电公司三台镇供电所的职工。", sichuan)
    assert "三台县" in names("三台县的农民合作社。", sichuan)  # the county itself, on a page naming Sichuan


SHANXI, SHAANXI = "140000000000", "610000000000"


def test_a_city_whose_short_form_is_a_common_word_needs_its_province_on_the_page():
    shanxi = RegionContext(province_codes=frozenset({SHANXI}))
    assert names("他给儿子在大同买了一套房。", shanxi) == ["大同市"]
    assert names("他给儿子在大同买了一套房。") == []  # no place in Shanxi named: the word
    assert names("追求天下大同的理想。", shanxi) == []
    assert names("确保国家长治久安。", shanxi) == []
    assert names("祝愿人民幸福安康。", RegionContext(province_codes=frozenset({SHAANXI}))) == []
    assert names("安康那一带也是富硒区。", RegionContext(province_codes=frozenset({SHAANXI}))) == ["安康市"]


def test_a_gate_and_a_river_named_after_a_place_are_not_the_place():
    sichuan = RegionContext(province_codes=frozenset({"510000000000"}))
    assert names("她是中国中医科学院广安门医院的护士。", sichuan) == []  # 广安门, a gate of Beijing
    assert names("广安是邓小平的家乡。", sichuan) == ["广安市"]
    assert names("这里填补了乌苏里江流域的考古空白。") == []  # the Ussuri, not 乌苏市


def test_a_district_named_like_a_common_word_counts_right_after_its_city():
    assert names("新航站楼位于北京朝阳，旅客可乘地铁到达。") == ["北京市", "朝阳区"]
    assert names("广州天河的写字楼里灯火通明。") == ["广州市", "天河区"]
    assert names("要大兴调查研究之风。") == []  # the word (vigorously promote), no city before it
    assert names("北京的朝阳照在广场上。") == ["北京市"]  # 的 between: the morning sun


def test_a_short_form_read_across_a_common_word_or_a_set_phrase_is_not_the_place():
    assert names("物价保持在合理均衡水平上。") == []  # 均衡 + 水平, not 衡水
    assert names("他走遍了白山黑水。") == []  # the Northeast's mountains and rivers, not 白山市
    assert names("衡水的冬天来得早。") == ["衡水市"]


def test_nei_after_a_word_is_inside_not_a_city_and_a_pavilion_is_no_county():
    assert names("他是辖区内江河段的总河长。") == []
    assert names("他从四川内江来到成都。") == ["四川省", "内江市", "成都市"]
    assert names("赴内江考察。") == ["内江市"]
    assert names("游客在合江亭前留影。") == []
    assert names("合江县的脐橙丰收了。") == ["合江县"]


def test_a_name_in_a_list_of_leaders_is_a_person():
    assert names("县领导李明、王安顺、刘军出席。") == []
    assert names("安顺的瀑布很有名。") == ["安顺市"]


def test_a_county_made_a_city_is_named_as_it_is_now_when_written_short():
    for text, expected in (("江西龙南的高速公路通车了。", ["江西省", "龙南市"]), ("江西省龙南县城。", ["江西省", "龙南县"])):
        # written in full, the old name stays as printed
        assert names(text, page_context(text, [(0, len(text))])) == expected


def test_a_word_ending_in_min_a_count_of_machines_a_shrine_and_the_strait_are_no_unit():
    assert names("给全国人民和全世界的华人送去祝福。") == []  # 人民 + 和, not 民和
    assert names("田里有三台拖拉机在作业。") == []  # three machines, not 三台县
    assert names("四川三台县的油菜花开了。") == ["四川省", "三台县"]
    assert names("游客在武侯祠前留影。") == []
    text = "学者参观了某大学海西分院，随后同福建省相关单位交流。"
    assert names(text, page_context(text, [(0, len(text))])) == ["福建省"]  # 海峡西岸, not Qinghai's 海西


def test_a_common_word_short_form_with_its_own_suffix_is_the_unit():
    assert names("团省委为互助县的青年办了培训班。") == ["互助土族自治县"]
    assert names("邻里互助市场开张了。") == []
