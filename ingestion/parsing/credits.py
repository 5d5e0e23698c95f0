"""Where a page prints credits: datelines, byline lines, photo credits, closing credits, furniture.

``bylines`` reads the names and roles out of a credit; this module only
recognises the lines and spans that are credits, on normalised text (ASCII
brackets and colons). The shapes:

* datelines opening a paragraph: 本报讯（记者…）, 某某日报(记者…), 本报电,
  本报石家庄2月4日电（记者…）, 本报北京、东京2月27日电, 新华社北京3月1日电,
  据新华社某地电 记者…;
* byline lines: 本报记者 王一 本报通讯员 李二, 某某日报记者 王一 通讯员 李二;
* photo credits: 本报记者 王一摄, （李二 摄）, 王一摄（某某视觉）;
* closing credits, at the end of a paragraph or on a line of their own:
  （王一 李二）, （本报记者王一、李二）, （综合本报记者王一、李二报道）,
  （本报记者王一整理）, （新华社北京1月3日电 记者王一）,
  （作者为某大学教授，本报驻某国记者王一采访整理） — the credit is the last clause;
* page furniture that names people who are not credited for a story: editors,
  layout and chart makers (版式设计：…, 本版制图：…), picture sources, edition lines.

A role word followed by a genre word (记者手记, 记者观察) is a column's name, not a credit.
"""

from __future__ import annotations

import re

_CJK = "\u4e00-\u9fff"
_NUM = "0-9一二三四五六七八九十〇"
# A news site, app or station filing the story (某某网, 某某新媒体, 某某客户端), and the marks that join a
# paper and its site in one credit (某某日报—某某网, 某报·某网).
SITE = rf"[{_CJK}]{{2,6}}?(?:网|在线|新闻|新媒体|客户端|电视台)"
OUTLET_JOINER = r"[·•—－-]"
# A paper, an agency or a site, alone or joined.
_ONE_PAPER = rf"(?:本报|新华社|中新社|[{_CJK}]{{2,10}}?(?:日报|晚报|都市报|商报|时报|报|电讯)|{SITE})"
PAPER = rf"(?:{_ONE_PAPER}(?:{OUTLET_JOINER}{_ONE_PAPER})*)"
_DATE = rf"[{_NUM}]{{1,3}}月[{_NUM}]{{1,3}}日"
# One or more places (本报北京、东京、巴黎2月27日电); each of two to twelve characters (维多利亚瀑布城).
_PLACES = rf"[{_CJK}]{{2,12}}?(?:、[{_CJK}]{{2,12}}?)*"
# The head of a dateline: paper, then 讯 / 电 / places (or none) and date then 电 (or 讯), or places alone
# then 电 before a space or a bracket (据新华社某地电 记者…).
DATELINE_HEAD = (
    rf"(?P<paper>据?{PAPER})\s*(?P<how>讯|电(?=[\s(]|$)"
    rf"|(?P<place>{_PLACES})?\s*{_DATE}\s*(?:电|讯)"
    rf"|(?P<place2>{_PLACES})电(?=[\s(]|$))"
)
_DATELINE_HEAD_RE = re.compile(DATELINE_HEAD)
# A reporter posted or sent abroad says where (本报驻南非记者, 本报赴某国特派记者).
ROLE = (
    rf"(?:[驻赴][{_CJK}]{{1,8}}?)?(?:首席|特约|特派|见习|实习|融媒体|全媒体|驻站|摄影|图片)?(?:记者|通讯员)"
    r"|实习生|特约摄影|评论员"
)
ROLE_RE = re.compile(ROLE)
# Genre words after a role word: the column's name (记者手记), never a person.
GENRE_AFTER_ROLE = re.compile(r"(?:记者|通讯员)(?:手记|札记|观察|调查|日记|来信|视点|感言|随笔|笔记|见闻|体验|探访|连线|追踪)")
_DATELINE = re.compile(
    rf"^(?P<head>(?P<paper>据?{PAPER})\s*(?P<how>讯|电(?=[\s(]|$)"
    rf"|(?P<place>{_PLACES})?\s*{_DATE}\s*(?:电|讯)|(?P<place2>{_PLACES})电(?=[\s(]|$))?)"
    r"\s*(?:(?P<credit>\([^()\n]{0,80}\))|(?P<bare>(?:\s*(?:本报)?(?:记者|通讯员|实习生)\s*(?:[\u4e00-\u9fff·]{2,4}(?:\s+|$|(?=报道|[:：])))+)+))?"
)
# (作者: before the credit on some papers' pages: 作者:本报记者 王一)
_BYLINE_START = re.compile(rf"^(?:作者\s*:\s*)?(?:{PAPER})?\s*(?:{ROLE}|文/|图/|文\s*/\s*图|图\s*/\s*文)")
# Words a credit may contain besides roles and names.
_CREDIT_WORDS = re.compile(rf"^作者\s*:|{PAPER}|{ROLE}|摄影报道|图文报道|联合报道|报道|摄影|文/图|图/文|文/|图/|摄|[\s、,，/()·]")
# Page furniture: editors' and layout credits, picture sources and edition lines, never part of a story.
_FURNITURE = re.compile(
    r"^\(?(?:本版|本期|本栏)?(?:责任编辑|责编|编辑|美编|美术编辑|美术设计|版式设计|版面设计|版式|组版|校对|审读|制图|图表制作"
    r"|图表设计|设计|主编|值班主任|图片来源|图片提供|数据来源)\s*[:：]"
    r"|^\(?\s*《\s*[\u4e00-\u9fff]{2,10}报\s*》\s*\(?\s*\d{4}年"
    # Edition lines: 第03版：要闻, 某某日报 2024年3月5日 第3版, 2024年3月5日 星期二
    r"|^第\s*[0-9一二三四五六七八九十]{1,3}\s*版(?:\s|[:：]|$)"
    r"|^(?:[\u4e00-\u9fff]{2,10}报\s*)?\d{4}年\d{1,2}月\d{1,2}日\s*(?:(?:星期|周)[一二三四五六日天])?\s*"
    r"(?:第\s*[0-9一二三四五六七八九十]{1,3}\s*版(?:\s*[:：]?\s*[\u4e00-\u9fff]{0,8})?)?$"
)
# Where a picture came from, printed after its credit: 王一摄（某某视觉）, （新华社发）.
_SENT_BY = r"[^()]{0,12}(?:社|报|网|台|中国|视觉|影像|图片|中心)发"  # 新华社发, 某某视觉发: who sent the picture
PICTURE_SOURCE = re.compile(
    rf"\((?:[^()]{{0,12}}(?:视觉|影像|图片|中国|网|社)|{_SENT_BY})\)\s*$"
    r"|(?<=摄)/[\u4e00-\u9fff]{1,8}(?:视觉|影像|图片)\s*$"  # …摄/光明图片: the source after a slash
)
PHOTO_CREDIT_END = re.compile(r"(?:摄影?|供图)\)?$")
CAPTION_START = re.compile(
    r"^(?:上图|中图|下图|左图|右图|左上图|右上图|左下图|右下图|组图|题图|图为|图[一二三四五六七八九十①-⑳\d]+)\s*[:为]?"
)
CAPTION_END = re.compile(rf"\((?:资料片|资料图片?|本报资料图片|[^()]{{0,12}}供图|{_SENT_BY}|图片来源[^()]*)\)$")
# A credited name: two to four characters; typesetting spaces out two-character names (韩  鑫).
NAME = rf"(?:[{_CJK}·]{{2,4}}|[{_CJK}] {{1,3}}[{_CJK}])"
# A caption line that ends with its picture's credit: 图为…。 本报记者 张三 摄
INLINE_PHOTO_CREDIT = re.compile(
    rf"(?:(?<=[。！？!?\s])|(?<=\())(?:{PAPER})?\s*(?:{ROLE})?\s*{NAME}(?:\s+{NAME})*\s*/?(?:摄影报道|摄影?)\)?$"
)


def inline_photo_credit(s: str) -> re.Match[str] | None:
    """The credit ending a caption line (…。本报记者 张三 摄; …相互鼓劲。李四摄（某某视觉）), if any.

    The match's span is in ``s``; a picture source after the credit is left out of it.
    """
    source = PICTURE_SOURCE.search(s)
    text = s[: source.start()].rstrip() if source else s
    if not text.endswith(("摄", "摄)", "摄影报道")):
        return None
    return INLINE_PHOTO_CREDIT.search(text)


NOT_CREDIT_WORDS = frozenset(
    "资料片 资料图 资料图片 图片 完 待续 未完待续 续完 试行 草案 节选 摘编 摘要 全文 上 中 下 下转 上接 "
    "本报 记者 通讯员 暂行 修订 修正 讨论稿 征求意见稿 有删节 手记 札记 观察 调查 执笔 作者 编者 点评 链接 "
    "图略 表略 略 新华社 中新社 人民网 新华网 央视网 光明网".split()
)
# Words around the names of a closing credit: 综合…报道, …整理, …参与采写.
_CLOSING_FILLER = re.compile(r"^(?:综合|据)|(?:联合报道|综合报道|采访整理|参与采写|报道|整理|采写|撰文|供稿)$")
_CLOSING_NAME = re.compile(rf"^(?:[{_CJK}]{{2,4}}|[{_CJK}]{{1,6}}·[{_CJK}·]{{1,12}}|[{_CJK}] {{1,3}}[{_CJK}])$")
_CLOSING = re.compile(r"(?:(?<=[。！？!?”\"…])|^)\s*\((?P<inner>[^()\n]{2,300})\)\s*$")
MAX_BYLINE = 60
_CJK_ONLY = re.compile(rf"^[{_CJK}·]+$")


def cjk_only(s: str) -> bool:
    return _CJK_ONLY.match(s) is not None


def dateline_match(s: str) -> re.Match[str] | None:
    """The dateline opening a paragraph (本报讯（记者…）, 本报电, 某某日报(记者…)), if any."""
    m = _DATELINE.match(s)
    if not m:
        return None
    if m.group("how"):
        return m
    # Without 讯/电 only a bracketed credit makes a dateline: 河北日报(记者…).
    if m.group("credit") and ROLE_RE.search(m.group("credit")):
        return m
    return None


def dateline_head(s: str, pos: int = 0) -> re.Match[str] | None:
    """A dateline's head (本报北京2月9日电, 新华社电, 本报讯) at ``pos`` of ``s``, without its credit."""
    return _DATELINE_HEAD_RE.match(s, pos)


def is_furniture(s: str) -> bool:
    """Editors' and layout credits, picture sources and edition lines."""
    return _FURNITURE.match(s) is not None


def _credit_only(s: str) -> bool:
    """True when ``s`` holds nothing but roles, papers and names (a credit line)."""
    if not ROLE_RE.search(s) and not re.search(r"摄|文/|图/", s):
        return False
    if GENRE_AFTER_ROLE.search(s):
        return False
    rest = _CREDIT_WORDS.sub(" ", s)
    tokens = rest.split()
    if not tokens:
        return "评论员" in s  # 本报评论员: an unnamed but real byline
    return all(len(t) <= 4 for t in tokens) and len(s) <= MAX_BYLINE


def is_byline_line(s: str) -> bool:
    """A standalone byline: 本报记者 X 本报通讯员 Y Z, 河北日报记者 X 通讯员 Y."""
    if len(s) > MAX_BYLINE or any(ch in s for ch in "。！？"):
        return False
    return bool(_BYLINE_START.match(s)) and _credit_only(s) and not PHOTO_CREDIT_END.search(s)


def is_photo_credit(s: str) -> bool:
    """A photo credit line: 某某日报通讯员 卫小一摄, 本报记者 张三 摄, （李四 摄）, 王五摄（某某视觉）."""
    src = PICTURE_SOURCE.search(s)
    if src and src.start() > 0:
        s = s[: src.start()].rstrip()
    if s.endswith(("摄影报道", "图文报道")) and not ROLE_RE.search(s):
        names = s[:-4].split()  # 王  一  李二摄影报道（某某中国）: names alone, text and pictures by them
        return 0 < len(names) <= 8 and all(len(t) <= 4 and cjk_only(t) for t in names)
    s2 = s.strip("()")
    if len(s2) > MAX_BYLINE or not PHOTO_CREDIT_END.search(s2 if s2.endswith(("摄", "摄影", "供图")) else s):
        return False
    rest = _CREDIT_WORDS.sub(" ", s2.replace("供图", " "))
    tokens = rest.split()
    return bool(tokens) and all(len(t) <= 4 for t in tokens) and len(tokens) <= 6


def _closing_names(inner: str) -> bool:
    """True when a bracket's text is a credit: roles, papers, a dateline head and names only."""
    if GENRE_AFTER_ROLE.search(inner):
        return False
    text = inner.strip()
    if "," in text or "，" in text:
        # 作者为某大学教授，本报驻某国记者王一采访整理: the credit is the last clause, with a role word.
        text = re.split(r"[,，]", text)[-1].strip()
        if not ROLE_RE.search(text):
            return False
    if text.startswith("据") and not ROLE_RE.search(text):
        return False  # a source cited (据中国侨网, 据新华社电): nobody credited
    head = _DATELINE_HEAD_RE.match(text)
    if head:
        text = text[head.end() :]
    text = re.sub(rf"(?:本报)?驻[{_CJK}]{{1,8}}?(?=记者)", " ", text)  # 本报驻某国记者
    text = _CREDIT_ROLE.sub(" ", re.sub(r"参与采写\s*[:：]?", " ", text))
    words = [w for w in re.split(r"[\s、,，]+", text.strip()) if w]
    if words:
        words[0] = _CLOSING_FILLER.sub("", words[0]) or words[0]
        words[-1] = _CLOSING_FILLER.sub("", words[-1])
        words = [w for w in words if w]
    # Names spaced out by typesetting (韩  鑫) split into single characters: glue them back.
    glued: list[str] = []
    for w in words:
        if len(w) == 1 and glued and len(glued[-1]) == 1:
            glued[-1] += w
        else:
            glued.append(w)
    if not glued or any(w in NOT_CREDIT_WORDS for w in glued):
        return False
    return all(_CLOSING_NAME.match(w) for w in glued)


_CREDIT_ROLE = re.compile(rf"(?:据)?(?:本报|新华社|中新社)?(?:{ROLE})")


def trailing_credit(s: str) -> re.Match[str] | None:
    """The bracketed credit closing a story (…。（张三 李四）, （综合本报记者…报道））, if that ends ``s``."""
    if not s.endswith(")"):
        return None
    m = _CLOSING.search(s)
    if not m or not _closing_names(m.group("inner")):
        return None
    return m


def closing_credit_start(s: str, m: re.Match[str]) -> int:
    """Where the names of a closing credit found by ``trailing_credit`` start to be read.

    The whole bracket, or its last clause when an author's note comes first
    (（作者为某大学教授，本报驻某国记者王一采访整理）).
    """
    inner = m.group("inner")
    cut = max(inner.rfind(","), inner.rfind("，"))
    return m.start("inner") + cut + 1 if cut >= 0 else m.start()
