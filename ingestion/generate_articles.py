"""Articles with their truth (pure): the builder that records each quote, title and credit as it writes it, and the kinds.

Every article kind the generator prints (news with a dateline or byline, photo news, a
feature with a deck and subheadings, a single-story file) is written through ``_Art``,
which records the benchmark truth (people, regions, activities, metrics) at the moment
the text is written, so every quote is a substring of the page. Words come from
``ingestion.generate_vocabulary``; ``ingestion.generate`` lays articles out in pages.
"""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from ingestion.generate_vocabulary import (
    ACTS,
    BIZ,
    CAPTIONS,
    CHANGES,
    CORRESPONDENT_WORDS,
    DECKS,
    DEPTS,
    DOTTED,
    FEATURE_TITLES,
    FILLERS,
    GIVEN,
    LEADS,
    METRICS,
    NO_TOTAL,
    PERCENTS,
    PHOTO_CAPTIONS,
    PHOTO_TITLES,
    PLANS,
    POOLS,
    PURPOSES,
    REPORTER_WORDS,
    SAYINGS,
    STAT_LEADS,
    SUBHEADS,
    SURNAMES,
    TOPICS,
    TYPES,
    ZONES,
    Region,
    _cn,
    _dec,
    _num,
    _plain,
    _pools,
    _qty,
    _spans,
    gazetteer,
    region_hits,
)
from ingestion.parsing.regions import COMMON_WORD_SHORT_FORMS


# ---------------------------------------------------------------- article builder
@dataclass
class _Ctx:
    rng: random.Random
    day: date
    prov: Region
    city: Region
    counties: tuple[Region, ...]
    paper: str  # the city paper, <city short>日报
    prov_paper: str
    staff: dict = field(default_factory=dict)  # paper → its reporters of the day
    used: set = field(default_factory=set)  # person names already on the page
    titles: set = field(default_factory=set)  # headlines already on the page
    tight: bool = False  # the page puts no blank lines between paragraphs
    paras: set = field(default_factory=set)  # sentences already on the page
    page_paper: str | None = None  # the paper of a joined page's first part, which later parts keep
    # Stock sentences (FILLERS) used in this part of a joined page. None: pages of one part record them
    # among ``paras``, where one without placeholders makes _build re-roll the very article that printed
    # it (kept there so that those pages stay as they were; joined pages use this set instead).
    stock: set | None = None


class _Art:
    """One article under construction: the truth is recorded as the text is written."""

    def __init__(self, cx: _Ctx, kind: str, section: str | None = None):
        self.cx, self.rng, self.kind, self.section = cx, cx.rng, kind, section
        self.title = self.subtitle = None
        self.head: list[str] = []  # title, deck and byline lines as printed
        self.body: list[tuple[str, str]] = []  # ("p" | "sub" | "cap", text)
        self.people, self.regions, self.units, self.names, self.acts, self.mets = [], [], [], [], [], []
        self.met_acts: dict[str, str] = {}  # metric clause → the activity type it reports
        self.seen, self.org_kind, self.metric_paras = set(), {}, []
        self.home = cx.rng.choice(cx.counties)  # the county the story is mostly about
        self.zone_bare: str | None = None  # how the zone named in the story is written bare
        self.printed: list[str] = []  # other words printed that contain a place-like pair (新华社)

    # ---- regions, people, organisations, places
    def reg(self, unit: Region, short: bool | None = None) -> str:
        """The unit as printed (full or short form), recorded in the truth.

        A short form that is also an everyday word (公安, 惠民, 长安 …) is not used:
        a reader could not tell the place from the word, so papers print the full name.
        """
        if short is None:
            short = self.rng.random() < (0.15 if unit.name.endswith("区") else 0.4)
        if unit.name not in self.regions:
            self.regions.append(unit.name)
            self.units.append(unit)
        return unit.short if short and unit.short and unit.short not in COMMON_WORD_SHORT_FORMS else unit.name

    def county(self, short: bool | None = None) -> str:
        return self.reg(self.home if self.rng.random() < 0.7 else self.rng.choice(self.cx.counties), short)

    def zone(self) -> str:
        """A development zone of the page's city, written after the city's short name (沧州高新区)."""
        kind = self.rng.choice(list(ZONES))
        printed = self.reg(self.cx.city, True) + kind
        name = (self.cx.city.short or self.cx.city.name) + kind
        if name not in self.regions:
            self.regions.append(name)  # a zone counts as a unit, named after its city's short form
        self.zone_bare = ZONES[kind]
        return printed

    def shown(self, name: str) -> str:
        """A credited name as typeset: two-character names are sometimes padded to three widths (韩  鑫)."""
        if len(name) == 2 and self.rng.random() < 0.15:
            return name[0] + self.rng.choice(["  ", "\u3000", " "]) + name[1]
        return name

    def person(self, dotted: bool = False) -> str:
        while True:
            if dotted:
                name = self.rng.choice(DOTTED[0]) + "·" + self.rng.choice(DOTTED[1])
            else:
                name = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)
            if name not in self.cx.used and not region_hits(name):
                self.cx.used.add(name)
                self.names.append(name)
                return name

    def credit(self, name: str, *roles: str) -> str:
        for role in roles:
            if {"name": name, "role": role} not in self.people:
                self.people.append({"name": name, "role": role})
        return name

    def pick(self, pool: str) -> str:
        return self.rng.choice(_pools()[pool]) + POOLS[pool][1]

    def org(self, kind: str) -> str:
        r = self.rng
        if kind == "comm":
            name = self.pick("comm") + r.choice(["党委", "居委会", "党支部"])
        elif kind == "hosp":
            name = (f"{self.reg(self.cx.city, False)}第{_cn(r.randint(1, 5), False)}人民医院" if r.random() < 0.5
                    else self.county(False) + r.choice(["人民医院", "中医医院"]))
        elif kind == "comp":
            name = self.reg(self.cx.city, True) + r.choice(BIZ)
        elif kind == "party":
            name = r.choice([lambda: self.pick("comm") + "党委", lambda: self.pick("vill") + "党支部",
                             lambda: f"{self.county(False)}{r.choice(DEPTS['govt'])}机关党支部"])()
        else:
            dept, x = r.choice(DEPTS[kind]), r.random()
            name = (self.county(False) + dept if x < 0.6 else "市" + dept if x < 0.85
                    else self.reg(self.cx.city, False) + dept)
        self.org_kind.setdefault(name, kind)
        return name

    def place(self, kind: str) -> str:
        r = self.rng
        if kind == "comm":
            return (f"{self.county(False)}{self.pick('street')}{self.pick('comm')}" if r.random() < 0.3
                    else self.pick("comm"))
        if kind == "vill":
            return f"{self.county()}{self.pick('town')}{self.pick('vill')}" if r.random() < 0.4 else self.pick("vill")
        if kind == "sq":
            return self.pick("sq")[:-2] + r.choice(["广场", "公园"])
        return self.pick("res")[:-2] + r.choice(["小区", "家园"])

    # ---- activities and metrics: each returns the clause it records
    def act(self, typ: str | None = None, org: str | None = None) -> str:
        cands = [t for t in ACTS if (typ is None or t[0] == typ) and t[3] not in self.seen]
        fitting = [t for t in cands if org and t[1] == self.org_kind.get(org)]
        typ_, okind, pkind, tpl, *also = self.rng.choice(fitting or cands or ACTS)
        self.seen.add(tpl)
        org = org or self.org(okind)
        place = self.place(pkind) if pkind else None
        for _ in range(5):  # not 春晖社区党委 … 在春晖社区
            if place is None or place not in org:
                break
            place = self.place(pkind)
        names = TOPICS[typ_][1].split("|")
        name = self.rng.choice(names) if "{name}" in tpl else None
        clause = tpl.format(org=org, place=place, name=name)
        for t in (typ_, *also):
            self.acts.append({"quote": clause, "type": t, "organizer": org, "name": name, "place": place})
        return clause

    def met(self, title: bool = False) -> str:
        r = self.rng
        while True:
            x = r.random()
            if title or x < 0.7:
                tpl, unit, kind, subj, lo, hi, st, act = r.choice([m for m in METRICS if "T" in m[6]] if title else METRICS)
                surf, value, qual = _qty(r, unit, lo, hi, "e" if title else st)
            else:
                if x < 0.85:
                    subj, lo = r.choice(PERCENTS)
                    v = min(_dec(r, lo, 100, r.choice([0, 1, 1])), Decimal(100))
                    more = v < 100 and r.random() < 0.3
                    tpl = subj + ("超过" if more else r.choice(["达", "为", "达到"])) + "{q}"
                    qual = "at_least" if more else "exact"
                else:
                    subj = r.choice(CHANGES) + "同比" + r.choice(["增长", "增长", "下降"])
                    v, tpl, qual = _dec(r, 1, 30, 1), subj + "{q}", "exact"
                unit, kind, value, surf, act = "%", "percent", _num(v), f"{_plain(v)}%", None
            clause = tpl.format(q=surf)
            if (value, unit) not in self.seen and subj not in self.seen:
                self.seen |= {(value, unit), subj}
                if act:
                    self.met_acts[clause] = act
                self.mets.append({"quote": clause, "value": value, "unit": unit, "qualifier": qual, "kind": kind,
                                  "subject": subj, "optional": False})
                return clause

    # ---- sentences
    def p(self, text: str) -> None:
        self.body.append(("p", text))

    def stats(self, org: str, k: int, clauses: list[str] | None = None, total: str | None = None) -> None:
        """A sentence of figures, each clause a metric (and an activity of ``org`` when it reports one)."""
        clauses = clauses or sorted((self.met() for _ in range(k)), key=lambda c: c.endswith("%"))
        if total is None:
            total = "" if clauses[0].endswith("%") or clauses[0].startswith(NO_TOTAL) else "共"
        said = f"{org}{total}{'，'.join(clauses)}"
        for clause in clauses:
            if clause in self.met_acts:
                self.acts.append({"quote": said, "type": self.met_acts[clause], "organizer": org, "name": None,
                                  "place": None})
        self.metric_paras.append(len(self.body))
        self.p(f"{self.rng.choice(STAT_LEADS)}{said}。")

    def filler(self) -> str:
        used = self.cx.paras if self.cx.stock is None else self.cx.stock
        fresh = [t for t in FILLERS if t not in used]  # a page does not repeat a stock sentence
        tpl = self.rng.choice(fresh or FILLERS)
        used.add(tpl)
        x = (self.county() if self.rng.random() < 0.7 else self.reg(self.cx.city)) if "{X}" in tpl else ""
        return tpl.format(X=x, place=self.place("res") if "{place}" in tpl else "",
                          city=self.reg(self.cx.city, True) if "{city}" in tpl else "")

    def saying(self) -> str:
        who = self.rng.choice([lambda: f"居民{self.person()}", lambda: f"{self.place('res')}居民{self.person()}",
                               lambda: f"{self.pick('comm')}党委书记{self.person()}"])()
        return f"“{self.rng.choice(SAYINGS)}”{who}说。"

    def trap(self) -> str:
        """A sentence whose numbers are not metrics: dates, clock times, ages, ordinals, codes, names."""
        r, cx = self.rng, self.cx
        d = cx.day - timedelta(days=r.randint(1, 20))
        return r.choice([
            lambda: f"{d.month}月{d.day}日{r.choice(['上午9', '上午10', '下午3', '下午4'])}时许，"
                    f"{self.place('comm')}活动室里已经坐满了居民。",
            lambda: f"今年{r.randint(62, 88)}岁的老党员{self.person()}是{self.place('res')}的老住户。",
            lambda: f"{r.choice([6, 7, 8])}0多岁的居民{self.person()}每天都到阅览室看书读报。",
            lambda: f"{self.person()}已经连续第{_cn(r.randint(3, 9), False)}年当选楼栋长。",
            lambda: f"这一做法在全市基层治理考评中位列第{_cn(r.randint(1, 5), False)}位。",
            lambda: f"群众有急事难事，可以拨打“{r.randint(2000000, 8999999)}”服务热线，也能扫码留言。",
            lambda: f"{self.pick('comm')}推行“1+{r.randint(2, 9)}”网格管理模式，让小事不出小区。",
            lambda: "一位居民拿着刚领到的宣传册，仔细地读了起来。",
            lambda: "大家表示，要把党的二十大精神落实到为民服务的具体行动中。",
            lambda: f"早在{cx.day.year - r.randint(2, 9)}年，{self.pick('comm')}就被评为"
                    f"{self.reg(cx.prov, r.random() < 0.5)}文明社区。",
            lambda: self.scene("活动室不大，一张圆桌旁围坐着前来议事的居民。", "meeting_deliberation"),
            lambda: "社区推行“三个一”工作法：一张连心卡、一本民情簿、一支志愿队。"])()

    def scene(self, sentence: str, activity_type: str) -> str:
        """A sentence that shows an activity under way without naming who holds it."""
        self.acts.append({"quote": sentence.split("，")[-1].rstrip("。"), "type": activity_type, "organizer": None,
                          "name": None, "place": None})
        return sentence

    def visitor(self) -> str:
        """Visitors from another province: the province and its city count as regions too."""
        g, r = gazetteer(), self.rng
        op = r.choice([p for p in g.provinces if p.name.endswith("省") and p.name != "台湾省" and p != self.cx.prov])
        oc = r.choice([c for c in g.cities[op.code[:2]] if c.name.endswith("市")])
        return f"来自{self.reg(op, False)}{self.reg(oc, False)}的游客{self.person()}也被热闹的场面吸引。"

    def photo(self, paper: str) -> None:
        """A caption (not an article) and its credit, whose photographer belongs to this article."""
        r = self.rng
        own = "本报" if paper == self.cx.paper else paper
        if r.random() < 0.4 and self.people:
            who = self.people[0]["name"]
            line = f"{own}{'记者' if self.people[0]['role'] == 'reporter' else '通讯员'} {self.shown(who)}摄"
        else:
            who = self.person()
            shown = self.shown(who)
            line = r.choice([f"{own}记者 {shown} 摄", f"{shown} 摄", f"{own}通讯员 {shown}摄"])
        self.credit(who, "photographer")
        tpl = r.choice(CAPTIONS)
        caption = tpl.format(place=self.place("res") if "{place}" in tpl else "",
                             city=self.reg(self.cx.city, True) if "{city}" in tpl else "")
        self.body += [("cap", caption), ("cap", line)]

    # ---- finishing
    def lines(self, md: str = "") -> list[str]:
        return self.head + [md + text if kind == "sub" else text for kind, text in self.body]

    def _keep(self) -> list[str]:
        """Strings a page may print without them being a stray place name."""
        return ([f for u in self.units for f in u.forms()] + self.names + self.printed
                + [self.cx.paper, self.cx.prov_paper])

    def strays(self) -> list[str]:
        text = "\n".join(self.lines())
        for k in sorted(set(self._keep()), key=lambda s: (-len(s), s)):
            text = text.replace(k, "□")
        return region_hits(text)

    def ocr_noise(self, dup: bool, split: bool) -> None:
        """Repeat a metric paragraph (an OCR column break) and/or break a paragraph mid-sentence."""
        r = self.rng
        if dup and self.metric_paras:
            i = r.choice(self.metric_paras)
            self.body.insert(min(i + 2, len(self.body)), self.body[i])
        paras = [i for i, (k, t) in enumerate(self.body) if k == "p" and len(t) > 40]
        if split and paras:
            i = r.choice(paras)
            text = self.body[i][1]
            start = text.find("）") + 5 if text.startswith(("本报", self.cx.prov_paper)) else 12
            protect = [a["quote"] for a in self.acts] + [m["quote"] for m in self.mets] + self._keep()
            spans = _spans(protect, text)
            ok = [j for j in range(start, len(text) - 8) if not any(a < j < b for a, b in spans)]
            if ok:
                j = r.choice(ok)
                self.body[i:i + 1] = [("p", text[:j]), ("p", text[j:])]

    def truth(self) -> dict:
        return {"title": self.title, "subtitle": self.subtitle, "section": self.section, "kind": self.kind,
                "people": self.people, "regions": self.regions,
                "activity_types": list(dict.fromkeys(a["type"] for a in self.acts)),
                "activities": self.acts, "metrics": self.mets}


def _build(make, cx: _Ctx, *args, **kw) -> _Art:
    """Build an article, re-rolling a draft that repeats a headline or names a place the truth does not list."""
    for _ in range(60):
        art = make(cx, *args, **kw)
        paras = {x for _, t in art.body for x in re.findall(r"[^。！？]+[。！？]?", t) if len(x) >= 12}
        paras |= {a["quote"] for a in art.acts}  # one activity is reported by one story
        # A sentence printed again in another story would read as an OCR repeat: not on one page.
        if art.title not in cx.titles and not paras & cx.paras and not art.strays():
            cx.titles.add(art.title)
            cx.paras |= paras
            return art
    raise RuntimeError("could not compose an article free of stray place names")


# ---------------------------------------------------------------- article kinds
def _byline_inline(a: _Art, tag: str, paper: str) -> str:
    """本报讯（记者X 通讯员Y Z） and its variants; <省>日报（记者X Y） on the provincial paper."""
    r, s = a.rng, a.shown
    rep, x = r.choice(a.cx.staff[paper]), r.random()
    jz, tx = r.choice(REPORTER_WORDS), r.choice(CORRESPONDENT_WORDS)
    if x < 0.4:
        cors = [a.person(dotted=r.random() < 0.05) for _ in range(r.choice([1, 1, 2]))]
        a.credit(rep, "reporter")
        for c in cors:
            a.credit(c, "correspondent")
        return f"{tag}（{jz}{s(rep)} {tx}{' '.join(map(s, cors))}）"
    if x < 0.6:
        cor = a.credit(a.person(), "correspondent")
        return f"{tag}（{tx}{s(cor)} {jz}{s(a.credit(rep, 'reporter'))}）"
    if x < 0.75 and paper != a.cx.paper:
        other = a.credit(a.person(), "reporter")
        return f"{tag}（{jz}{s(a.credit(rep, 'reporter'))} {s(other)}）"
    if x < 0.9:
        return f"{tag}（{jz}{s(a.credit(rep, 'reporter'))}）"
    return f"{tag}（{tx}{s(a.credit(a.person(), 'correspondent'))}）"


def _trailing_credit(a: _Art) -> str:
    """A credit closing the story: （X  Y）, （通讯员 X）, （记者 X 通讯员 Y）.

    Names without a role word are the story's writers when nothing else credits it, and its
    correspondents when a reporter is already credited (in the dateline or a byline).
    """
    r, s = a.rng, a.shown
    x = r.random()
    if x < 0.55:
        names = [a.person() for _ in range(r.choice([1, 2, 2]))]
        role = "correspondent" if any(p["role"] == "reporter" for p in a.people) else "reporter"
        for n in names:
            a.credit(n, role)
        sep = r.choice(["  ", " ", "、", "\u3000"])
        return "（" + sep.join(map(s, names)) + "）"
    if x < 0.8:
        names = [a.credit(a.person(), "correspondent") for _ in range(r.choice([1, 2]))]
        return f"（{r.choice(['', '本报'])}通讯员{r.choice(['', ' '])}{' '.join(map(s, names))}）"
    rep, cor = a.credit(a.person(), "reporter"), a.credit(a.person(), "correspondent")
    return f"（记者 {s(rep)} 通讯员 {s(cor)}）"


def _dated(a: _Art, paper: str) -> str:
    """A dateline with the place it was filed from: 本报<城市>M月D日电."""
    d = a.cx.day - timedelta(days=a.rng.randint(0, 2))
    return f"本报{a.reg(a.cx.city, True)}{d.month}月{d.day}日电" if paper == a.cx.paper else f"{paper}讯"


def _title_lines(a: _Art, title: str, two_line: bool) -> list[str]:
    """The headline as printed: one line, or broken over two by a narrow column or the OCR.

    Either the second line follows with no blank line between (one block of type), or
    the break falls inside a quotation, which leaves the first line with an open quote.
    Breaks never fall next to the colon of a ``who：what`` headline (that would make
    the first line a kicker) or inside a place name or a person's name.
    """
    r = a.rng
    if not two_line or len(title) < 10:
        return [title]
    # On a page without blank lines only an open quotation shows where a headline breaks.
    tight = a.cx.tight
    protect = _spans(a._keep(), title)

    def ok(j: int) -> bool:
        return (title[j - 1] not in "：: " and title[j] not in "：: " and title[j - 1:j + 1] != "  "
                and not any(x < j < y for x, y in protect))

    q, q2 = title.find("“"), title.find("”")
    inside = [j for j in range(q + 2, q2) if ok(j)] if 0 < q < q2 else []
    if inside and (tight or r.random() < 0.5):
        return [title[:(j := r.choice(inside))].rstrip(), title[j:].lstrip()]
    cands = [j for j in range(4, len(title) - 1) if ok(j)]
    if not cands or tight:
        return [title]
    j = r.choice(cands)
    return [title[:j].rstrip() + "\n" + title[j:].lstrip()]


def _news(cx: _Ctx, kind: str, section: str | None, md: str = "", paper: str | None = None,
          photo: bool = False, dup: bool = False, split: bool = False, *, bullet: str = "",
          credit: str = "inline", zone: bool = False, two_line: bool = False, kicker: bool = False) -> _Art:
    """A news item or brief: headline, byline, activities, metrics, traps, a plan.

    ``credit`` is ``inline`` (本报讯（记者…）), ``trailing`` (…。（X Y）) or ``none``;
    ``bullet`` marks the headline (■ in a briefs column); ``zone`` sets the story in a
    development zone of the city; ``two_line`` may break the headline over two lines;
    ``kicker`` prints the headline's ``who：`` on a line of its own above the title.
    """
    a, r = _Art(cx, kind, section), cx.rng
    paper = paper or cx.paper
    typ = r.choice(TYPES)
    if zone:
        org = a.zone() + "管委会"
        a.org_kind[org] = "govt"
    else:
        org = a.org(r.choice([t for t in ACTS if t[0] == typ])[1])
    title_metric = a.met(title=True) if kind == "news" and r.random() < 0.2 else None
    if title_metric:  # a headline with a number: the same metric as in the body, listed once
        a.title = f"{a.county()}{title_metric}"
    else:
        who = org if (org.startswith("市") or region_hits(org)) and r.random() < 0.5 else a.county()
        a.title = f"{who}：{' ' if md and r.random() < 0.5 else ''}{r.choice(TOPICS[typ][0].split('|'))}"
    if kicker and not title_metric and not md and not bullet:
        # The who of the headline on a line of its own (a kicker): the title is the rest.
        a.subtitle, a.title = a.title.split("：", 1)
        a.subtitle += "："
        a.head += [a.subtitle, a.title]
    else:
        a.head += [md + bullet + x for x in _title_lines(a, a.title, two_line and not md and not bullet)]
    if credit == "inline" and (kind == "news" or r.random() < 0.85):
        tag = (_dated(a, paper) if r.random() < 0.15 else "本报讯") if paper == cx.paper \
            else paper + r.choice(["", "讯"])
        byline = _byline_inline(a, tag, paper)
    else:
        byline = ""
    a.p(f"{byline}{r.choice(LEADS)}{a.act(typ, org)}，{r.choice(PURPOSES)}。")
    if zone and a.zone_bare:
        a.p(f"{r.choice(STAT_LEADS)}{a.zone_bare}持续优化营商环境，服务企业和群众。")
    if r.random() < 0.5:
        a.p(f"{a.act(None, org if r.random() < 0.5 else None)}。{a.filler() if r.random() < 0.5 else ''}")
    if title_metric:
        a.stats(org, 1, [title_metric], "已")
    if photo:
        a.photo(paper)
    if r.random() < 0.8:
        a.stats(org, r.choice([1, 2, 2, 3] if kind == "news" else [1, 2]))
    for fn in r.sample([a.trap, a.saying, a.trap, a.filler], k=r.choice([1, 2])):
        a.p(fn())
    if r.random() < 0.5:
        a.p(r.choice(PLANS).format(org=org))
    a.ocr_noise(dup, split)
    if credit == "trailing":
        a.body[-1] = ("p", a.body[-1][1] + _trailing_credit(a))
    return a


def _photo_news(cx: _Ctx) -> _Art:
    """Photo news: a headline over a picture's caption sentence and the photographer's credit."""
    a, r = _Art(cx, "news"), cx.rng
    topic = r.choice(PHOTO_TITLES)
    a.title = f"{a.county()}：{topic}" if r.random() < 0.3 else topic
    a.head.append(a.title)
    d = cx.day - timedelta(days=r.randint(1, 5))
    place = a.pick("sq")[:-2] + r.choice(["广场", "公园"])
    if r.random() < 0.6:
        place = a.county() + place
    caption = r.choice(PHOTO_CAPTIONS).format(date=f"{d.month}月{d.day}日", place=place)
    who = a.credit(a.person(), "photographer")
    s, x = a.shown(who), r.random()
    if x < 0.3:
        body = [caption, f"本报记者 {s} 摄"]
    elif x < 0.5:
        body = [caption, f"本报通讯员 {s}摄"]
    elif x < 0.65:
        body = [caption, f"{s} 摄"]
    elif x < 0.8:
        body = [f"{caption} 本报记者 {s} 摄"]
    else:
        body = [f"{caption}（{s} 摄）"]
    a.body = [("cap", t) for t in body]
    return a


def _feature(cx: _Ctx, section: str | None, md: str = "", paper: str | None = None, dup: bool = False,
             two_line: bool = False) -> _Art:
    """A long report: title, ——deck, byline line, inner subheadings with a photo, a closing plan."""
    a, r = _Art(cx, "feature", section), cx.rng
    paper = paper or cx.paper
    a.title = r.choice(FEATURE_TITLES)
    a.head += [md + x for x in _title_lines(a, a.title, two_line and not md)]
    if r.random() < 0.75:
        deck = r.choice(DECKS)
        deck = deck.format(county=a.county() if "{county}" in deck else "",
                           city=a.reg(cx.city, True) if "{city}" in deck else "",
                           comm=a.pick("comm") if "{comm}" in deck else "",
                           vill=a.pick("town") + a.pick("vill") if "{vill}" in deck else "")
        a.subtitle = deck[2:]
        a.head.append(deck)
    reps = [r.choice(cx.staff[paper])] + ([a.person()] if r.random() < 0.3 else [])
    cors = [a.person() for _ in range(r.choice([0, 1, 1, 2]))]
    photo_report = r.random() < 0.2  # 摄影报道: the writers took the photos too
    for p in reps:
        a.credit(p, "reporter", *(["photographer"] if photo_report else []))
    for c in cors:
        a.credit(c, "correspondent", *(["photographer"] if photo_report else []))
    shown_reps, shown_cors = " ".join(map(a.shown, reps)), " ".join(map(a.shown, cors))
    if paper == cx.paper and r.random() < 0.6:
        line = f"本报记者 {shown_reps}" + (f" 本报通讯员 {shown_cors}" if cors else "")
    else:
        line = f"{paper}记者 {shown_reps}" + (f" 通讯员 {shown_cors}" if cors else "")
    a.head.append(line + (" 摄影报道" if photo_report else ""))
    a.p(a.filler())
    typ = r.choice(TYPES)
    main = a.org(r.choice([t for t in ACTS if t[0] == typ])[1])
    a.p(f"{r.choice(LEADS)}{a.act(typ, main)}。{a.saying() if r.random() < 0.5 else ''}")
    subs = r.sample(SUBHEADS, k=r.choice([2, 3, 3]))
    photo_at = r.randrange(len(subs))
    for i, sub in enumerate(subs):
        a.body.append(("sub", sub))
        a.p(f"{r.choice(LEADS)}{a.act()}。")
        for fn in r.sample([lambda: f"{a.act()}。", a.saying, a.trap, a.filler, a.visitor], k=r.choice([1, 2])):
            a.p(fn())
        if r.random() < 0.7:
            a.stats(a.org(r.choice(["govt", "comm", "civil"])), r.choice([1, 2, 3]))
        if i == photo_at:
            a.photo(paper)
    a.p(r.choice(PLANS).format(org=main))
    a.ocr_noise(dup, not md)
    return a


def _story(cx: _Ctx, dup: bool) -> _Art:
    """A single-story file: headline, a dateline with its place (本报<城市>M月D日电（记者X…） or
    新华社<城市>M月D日电（记者X Y）), and often a credit closing the last paragraph."""
    a, r = _Art(cx, "news"), cx.rng
    typ = r.choice(TYPES)
    heads = TOPICS[typ][0].split("|")
    a.title = f"{a.county()}{r.choice(heads)}" if r.random() < 0.6 else r.choice(FEATURE_TITLES)
    a.head.append(a.title)
    if r.random() < 0.4:
        a.subtitle = f"{a.county()}{r.choice(['着力', '持续', '全力'])}{r.choice(heads)}"
        a.head.append("——" + a.subtitle)
    d = cx.day - timedelta(days=1)
    s = a.shown
    org = a.org(r.choice(["govt", "civil", "enforce", "health"]))
    x = r.random()
    if x < 0.3:  # an agency's story: its reporters are credited like the paper's own
        place = a.reg(r.choice([cx.city, _capital()]), True)
        a.printed.append("新华社")
        reps = [a.credit(a.person(), "reporter") for _ in range(r.choice([1, 2]))]
        head = f"新华社{place}{d.month}月{d.day}日电（记者{' '.join(map(s, reps))}）"
    else:
        rep = a.credit(r.choice(cx.staff[cx.paper]), "reporter")
        cor = a.credit(a.person(), "correspondent") if x < 0.5 else None
        head = (f"本报{a.reg(cx.city, True)}{d.month}月{d.day}日电（记者{s(rep)}"
                + (f" 通讯员{s(cor)}" if cor else "") + "）")
    a.p(f"{head}{r.choice(LEADS)}{a.act(typ, org)}，{r.choice(PURPOSES)}。")
    for fn in r.sample([a.filler, a.saying, a.trap, a.visitor, lambda: f"{a.act()}。"], k=3):
        a.p(fn())
    a.stats(org, r.choice([2, 3]))
    a.p(r.choice(PLANS).format(org=org))
    a.ocr_noise(dup, False)
    if x >= 0.3 and r.random() < 0.8:
        credit = _trailing_credit(a)
        if r.random() < 0.2:
            a.body.append(("p", credit))  # on a line of its own
        else:
            a.body[-1] = ("p", a.body[-1][1] + credit)
    return a


@functools.lru_cache(maxsize=1)
def _capital() -> Region:
    """The national capital, where agency stories are often filed from."""
    return next(p for p in gazetteer().provinces if p.code == "110000000000")


