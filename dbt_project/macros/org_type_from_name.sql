{#
    Organisation type from the name's ending, used only when the parser gave
    none (an activity's organiser that was never tagged as a mention). Same
    vocabulary as the parser: party, community, hospital, school, mass_org,
    company, government, other.
#}
{% macro org_type_from_name(name_expression) -%}
    case
        when regexp_matches({{ name_expression }}, '(党支部|党委|党总支|党工委|党组)$') then 'party'
        when regexp_matches({{ name_expression }}, '(社区|村|居委会|村委会|小区)$') then 'community'
        when regexp_matches({{ name_expression }}, '(医院|卫生院|卫生室|疾病预防控制中心|疾控中心)$') then 'hospital'
        when regexp_matches({{ name_expression }}, '(学校|小学|中学|大学|学院|幼儿园)$') then 'school'
        when regexp_matches({{ name_expression }}, '(妇联|团委|总工会|工会|残联|慈善总会|红十字会|科协|文联|侨联)$')
            then 'mass_org'
        when regexp_matches({{ name_expression }}, '(公司|集团|银行|分行|支行)$') then 'company'
        when regexp_matches({{ name_expression }}, '(局|委|办|厅|部|政府|街道|镇|乡|大队|支队|所|法院|检察院)$')
            then 'government'
        else 'other'
    end
{%- endmacro %}
