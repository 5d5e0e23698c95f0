{#
    Name cleaning shared by every entity the warehouse resolves by name:
    full-width ASCII forms become half-width (ＡＢＣ１２３（） → ABC123()),
    and all whitespace goes, including the ideographic space U+3000 and the
    no-break space that typesetting puts inside two-character names (张　三).
    Null and blank names come back null.
#}
{% macro normalize_name(expression) -%}
    nullif(
        regexp_replace(
            translate(
                {{ expression }},
                '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～',
                '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~'
            ),
            '[\s\x{3000}\x{00A0}]+',
            '',
            'g'
        ),
        ''
    )
{%- endmacro %}
