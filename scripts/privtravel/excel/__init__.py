"""The Excel bridge for unit HR: workbook layout derived from the schemas, reading and writing
workbooks, canonical YAML, and the printed 附件1."""
