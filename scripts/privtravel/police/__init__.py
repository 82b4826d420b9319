"""Police data (公安机关出入境管理部门): document holdings and exit/entry crossings, as delivered.

Read from ``police/持证信息.csv|.xlsx`` and ``police/出入境记录.csv|.xlsx`` (or another folder given on
the command line), validated row by row against ``schemas/police-*.schema.json`` with the same Chinese
messages as the declarations, at file, row and column.  The site never publishes these files.

Every delivery comes with its manifest, ``police/交付清单.yaml`` (manifest.py reads it): the extraction
date (提取日期, the 公安数据日期 every date-dependent finding uses) and each file's rows and SHA-256,
checked file by file in delivery.py; seal.py writes one from the files as received.
"""
