"""HTML e-paper pages → page text: detection by content, block structure kept, scripts and navigation dropped."""

from __future__ import annotations

import pytest

from ingestion.parsing.html import html_to_text, looks_like_html

TITLE = "某社区开展志愿服务活动"
BODY1 = "　　本报讯（记者王小明）近日，某社区组织志愿者走进养老院。"
BODY2 = "　　活动共服务老人一百二十名，发放物资三百份。"

PAGE = f"""<!DOCTYPE html>
<html lang="zh">
<head><meta charset="utf-8"><title>电子版 第3版</title>
<style>p {{ margin: 0 }}</style><script>var track = "{TITLE}";</script></head>
<body>
<nav><a href="/">首页</a> | <a href="/prev">上一版</a></nav>
<div class="article">
  <h1>{TITLE}</h1>
  <p>{BODY1}</p>
  <p>{BODY2}<br>第二行</p>
  <!-- 广告位 -->
  <noscript>请启用脚本</noscript>
</div>
<pre>  表1   数据
  一行   二行</pre>
</body>
</html>
"""


def test_blocks_become_paragraphs_and_scripts_navigation_and_head_are_dropped():
    text = html_to_text(PAGE)
    assert text == f"{TITLE}\n\n{BODY1}\n\n{BODY2}\n第二行\n\n表1   数据\n一行   二行"  # lines of <pre> kept
    for gone in ("首页", "var track", "margin", "电子版", "广告位", "请启用脚本", "<"):
        assert gone not in text


def test_source_line_breaks_inside_a_paragraph_are_not_text():
    assert html_to_text("<p>第一句，\n    第二句。</p><p>下一段&nbsp;&amp;&lt;完&gt;</p>") == "第一句， 第二句。\n\n下一段 &<完>"


def test_a_page_of_markup_only_has_no_text():
    assert html_to_text("<html><head><script>x()</script></head><body><img src=a.png><nav>菜单</nav></body></html>") == ""


@pytest.mark.parametrize(
    "text, name",
    [
        (PAGE, "page.txt"),  # HTML named .txt: recognised by content
        ("\n\n<html><body><p>正文</p></body></html>", "p.txt"),
        ("<!-- saved page -->\n<!doctype html><p>正文</p>", "p"),
        ("<div><p>一</p><p>二</p><p>三</p></div>", "fragment.txt"),
        ("只有一个<p>标签的正文", "p.html"),  # the extension lowers the bar
    ],
)
def test_html_is_recognised_by_content(text, name):
    assert looks_like_html(text, name)


@pytest.mark.parametrize(
    "text",
    [
        BODY1 + "\n\n" + BODY2,
        "文中提到 <p> 标签一次。\n" + "正文。" * 200,  # one quoted tag in a long plain page
        "价格 a<b 且 c>d",
    ],
)
def test_plain_text_is_not_html(text):
    assert not looks_like_html(text, "page.txt")


def test_a_deeply_nested_page_is_flattened_in_linear_time():
    import time

    started = time.monotonic()
    assert html_to_text("<div>" * 20_000 + "正文" + "</div>" * 20_000) == "正文"
    assert time.monotonic() - started < 15  # about 1 s; the tree-editing version took minutes
