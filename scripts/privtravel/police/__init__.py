"""Police data (公安机关出入境管理部门): document holdings and exit/entry crossings, as delivered.

Read from ``police/持证信息.csv|.xlsx`` and ``police/出入境记录.csv|.xlsx`` (or another folder given on
the command line), validated row by row against ``schemas/police-*.schema.json`` with the same Chinese
messages as the declarations, at file, row and column.  The site never publishes these files.
"""
