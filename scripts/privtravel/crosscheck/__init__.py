"""Cross-check the declarations against the police data: findings for the six 「应…尽…」.

pairing (trips.py) → one module per family of findings (families/) → the units' answers
(answers.py) → a per-unit summary of the six indicators (summary.py).  run.py ties them together.
"""
