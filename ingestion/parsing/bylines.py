"""Bylines, datelines and photo credits → people with roles, and the newspaper named.

Handles the shapes newspapers print:

* 本报讯（记者王一 通讯员李二 赵三）, 本报讯(通讯员钱四 记者王一)
* 本报记者 王一 本报通讯员 周五 吴六, 某某日报记者 郑七 冯小八 通讯员 陈九
* 某某日报(记者冯小八 通讯员褚十), 本报石家庄2月4日电（记者张三 李四）
* …摄影报道 (everyone credited is a photographer too: listed once per role; names with no role
  word before them are the photographers only)
* photo credits: 某某日报通讯员 卫小一摄, 本报记者 张三 摄, （李四 摄）
* a trailing credit at the end of a story: （张三 李四） — no role word; the
  caller passes the role such names take (see ``page._credits``).

Names are kept as printed; whitespace inside a name is dropped (韩  鑫 → 韩鑫)
while names separated by spaces stay separate (郑七 冯小八): a lone character
cannot be a Chinese name, so single-character tokens are glued to a neighbour.
"""

from __future__ import annotations

import re

from ingestion.parsing.credits import OUTLET_JOINER, PICTURE_SOURCE, SITE, dateline_head
from ingestion.parsing.model import ParsedPerson

# Role words, longest first. Values: role, or None for words that only open a credit.
_ROLE_WORDS: dict[str, str] = {
    "摄影记者": "photographer",
    "图片记者": "photographer",
    "特约摄影": "photographer",
    "首席记者": "reporter",
    "特约记者": "reporter",
    "见习记者": "reporter",
    "实习记者": "reporter",
    "融媒体记者": "reporter",
    "全媒体记者": "reporter",
    "驻站记者": "reporter",
    "记者": "reporter",
    "实习生": "reporter",
    "特约通讯员": "correspondent",
    "通讯员": "correspondent",
    "摄影": "photographer",
    "图/": "photographer",
    "摄/": "photographer",  # 文/本报记者 张三 摄/李四: the picture by 李四
    "文/": "reporter",
    "评论员": "commentator",  # 本报评论员: a byline without a person
}
# A paper's name never holds 本报 (综合本报记者… is this paper's round-up, not a paper called 综合本报).
_PAPER = r"(?:本报|(?:(?!本报)[\u4e00-\u9fff]){2,10}?(?:日报|晚报|都市报|商报|时报|报))"
# …or a news site, app or station the reporter works for (大象新闻记者, 某某网记者), or a paper and its
# site together (某某日报—某某网记者, 某报·某网记者): not a name.
_ONE_OUTLET = rf"(?:{_PAPER}|{SITE})"
_OUTLET = rf"(?:{_ONE_OUTLET}(?:{OUTLET_JOINER}{_ONE_OUTLET})*)"
_ROLE_RE = re.compile("(?P<paper>" + _OUTLET + r")?\s*(?P<role>" + "|".join(map(re.escape, _ROLE_WORDS)) + ")")
_PHOTO_REPORT = re.compile(r"摄影报道|摄影/报道|图文报道")
# Text and pictures by the same people, printed before the names.
_TEXT_AND_PHOTO = re.compile(r"文/图|图/文|文、图|图、文")
# Words that can sit between names in a credit and are not names.
_FILLER = re.compile(
    r"文/图|图/文|文、图|图、文|新华社|中新社|新华网|人民网|央视网|中新网|光明网|本报讯|本报|联合报道|综合报道|报道|发自"
    r"|采访整理|参与采写|整理|采写|撰文|文图|供图|等|编辑|责任编辑|讯|文字|图片|综合|据|作者|图"
    r"|驻[\u4e00-\u9fff]{1,8}$"  # 本报驻某国记者: the post, not a name
)
_NAME_TOKEN = re.compile(r"[\u4e00-\u9fff·•]+")
_NEWSPAPER_RE = re.compile(r"(?P<paper>" + _PAPER + r")(?=\s*(?:讯|[(（]|记者|通讯员|特约|首席|融媒体|全媒体|摄影|见习|实习))")
_OPEN = re.compile(r"[(（]")
ROLES = frozenset({"reporter", "correspondent", "photographer"})
MAX_NAME = 4  # longest plain Chinese name (compound surname + two characters)


def _glue_names(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Glue single characters spread out by spacing (韩  鑫) onto a neighbour."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        name, a, b = tokens[i]
        if len(name) == 1 and i + 1 < len(tokens) and len(tokens[i + 1][0]) <= 2:
            nxt, _, b2 = tokens[i + 1]
            out.append((name + nxt, a, b2))
            i += 2
            continue
        if len(name) == 1 and out and len(out[-1][0]) == 2:
            prev, a0, _ = out.pop()
            out.append((prev + name, a0, b))
        elif len(name) >= 2:
            out.append((name, a, b))
        i += 1
    return out


def _names_in(text: str, a: int, b: int) -> list[tuple[str, int, int]]:
    """Names printed in ``text[a:b]`` with their spans (page offsets)."""
    seg = text[a:b]
    # Blank out filler words so they split names instead of joining them.
    seg = _FILLER.sub(lambda m: " " * len(m.group()), seg)
    tokens = [(m.group(), a + m.start(), a + m.end()) for m in _NAME_TOKEN.finditer(seg)]
    return [(n, s, e) for n, s, e in _glue_names(tokens) if 2 <= len(n.replace("·", "")) <= 12]


def parse_byline(text: str, start: int, end: int, default_role: str = "reporter") -> tuple[list[ParsedPerson], str | None]:
    """People credited in ``text[start:end]`` and the newspaper it names.

    The newspaper is the literal ``本报`` ("this paper") when the credit says
    so; the caller substitutes the page's paper. ``None`` when no paper is named.
    Names before any role word get ``default_role`` (a credit of bare names lists
    the story's writers; the caller decides what a closing credit's names are).
    """
    s = text[start:end]
    source = PICTURE_SOURCE.search(s)
    if source and s[: source.start()].rstrip().endswith("摄"):
        end = start + source.start()  # 王五摄（某某视觉）: where the picture came from, not who took it
        s = text[start:end]
    head = dateline_head(s)
    paper_m = _NEWSPAPER_RE.search(s) or head
    # A dateline head (本报讯, 河北日报, 本报石家庄2月4日电) before the bracketed
    # credit holds no names: start inside the bracket.
    bracket = _OPEN.search(s)
    if bracket and not _ROLE_RE.search(s, 0, bracket.start()):
        start += bracket.end()
        s = text[start:end]
        head = dateline_head(s)  # （新华社北京1月3日电 记者王一）: the dateline sits inside
    if head:
        start += head.end()  # places and dates are no names: 本报北京2月9日电
        s = text[start:end]
    newspaper = paper_m.group("paper").removeprefix("据") if paper_m else None
    photo_report = _PHOTO_REPORT.search(s)
    both_roles = photo_report is not None or _TEXT_AND_PHOTO.search(s) is not None
    limit = start + photo_report.start() if photo_report else end

    # Cut the credit into (role, names) runs at each role word.
    runs: list[tuple[str, int, int]] = []
    role = default_role
    pos = start
    for m in _ROLE_RE.finditer(text, start, limit):
        new_role = _ROLE_WORDS[m.group("role")]
        if m.start() > pos and text[pos : m.start()].strip():
            runs.append((role, pos, m.start()))
        elif pos > start and text[pos - 1] == "/" and role == "photographer":
            new_role = role  # 图/本报通讯员 李四: the picture credit decides the role
        role = new_role
        pos = m.end()
    if pos < limit:
        runs.append((role, pos, limit))

    people: list[ParsedPerson] = []
    for role, a, b in runs:
        for name, na, nb in _names_in(text, a, b):
            this_role = role
            # 卫小一摄 / 张三 摄: a photo credit, whatever the title before the name.
            tail = text[nb:b].lstrip(" /")
            if name.endswith("摄") and len(name) > 2:
                name, nb, this_role = name[:-1], nb - 1, "photographer"
            elif tail.startswith("摄") and not tail.startswith("摄/"):
                this_role = "photographer"
            if len(name) > MAX_NAME and "·" not in name:
                continue  # a run of text, not a name
            if this_role not in ROLES:
                continue
            people.append(ParsedPerson(name=name, role=this_role, start=na, end=nb))
    if people and not both_roles and "/" not in s and s.rstrip(" )）").endswith("摄"):
        # 本报记者 张三 本报通讯员 李四 摄: the picture is by everyone the credit names
        people = [ParsedPerson(name=p.name, role="photographer", start=p.start, end=p.end) for p in people]
    if photo_report and people and not _ROLE_RE.search(text, start, limit):
        # 张三 李四摄影报道, no role word: the photographers' credit (most blind annotators: nine of twelve)
        people = [ParsedPerson(name=p.name, role="photographer", start=p.start, end=p.end) for p in people]
    elif both_roles:
        people += [
            ParsedPerson(name=p.name, role="photographer", start=p.start, end=p.end) for p in people if p.role != "photographer"
        ]
    return _unique(people), newspaper


def _unique(people: list[ParsedPerson]) -> list[ParsedPerson]:
    seen: set[tuple[str, str]] = set()
    out = []
    for p in people:
        if (p.name, p.role) not in seen:
            seen.add((p.name, p.role))
            out.append(p)
    return out


def dateline_place(text: str) -> str | None:
    """The place of a dateline such as 本报石家庄2月4日电 (石家庄), else None; the first of several."""
    m = dateline_head(text)
    place = m and (m.group("place") or m.group("place2"))
    return place.split("、")[0] if place else None
