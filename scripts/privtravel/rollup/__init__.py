"""Roll-up: 附件2 and 附件3 gathered from many members (districts, departments, lower roll-ups) by 地区.

The trust boundary in the folder layout: a roll-up repository holds ``rollup.yaml`` and one folder per
member, ``members/<代码>/``, with that member's tables only (a hand-filled 统计表.xlsx in the notice's
layout, or the 统计表.json that ``privtravel rollup publish`` writes).  Upward, only statistics travel:
nothing read or written here holds a person.

config     rollup.yaml, strictly loaded
read_xlsx  the notice-layout workbook, cell by cell (sheet.py finds the header and the rows)
read_json  a member campaign's or a lower roll-up's published JSON
rules      the identities between columns the notice implies (T2xx codes)
members    every member's state: 未报送 / 有错误 / 已报送, with its figures and their sources
table      the roll-up's own 附件2/附件3 (stats.table rows: member rows, 小计, 合计)
export     xlsx and csv through export/, json with provenance (file, cell, version)
publish    a campaign's tables as upward JSON, without any person
site       the roll-up's small dashboard
"""
