# 快速开始：make site（生成看板到 public/）和 make test（运行全部测试）。
# The first target run creates .venv and installs the pinned dependencies (PIP_INDEX_URL picks the mirror).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: all check test lint site forms bench clean hooks hooks-dev

all: check

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

check: $(STAMP)
	$(BIN)/privtravel check

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check scripts tests $(wildcard bench)
	$(BIN)/ruff format --check scripts tests $(wildcard bench)
	$(BIN)/mypy

# 提交前检查：各单位填报人员用 hooks（只检查填报文件），维护人员用 hooks-dev（另加 ruff、mypy，用 .venv）
hooks: $(STAMP)
	$(BIN)/pre-commit install

hooks-dev: $(STAMP)
	$(BIN)/pre-commit install -c .pre-commit-config.maintainers.yaml

site: $(STAMP)
	$(BIN)/privtravel site

# 网页填报的编辑器（Decap CMS），按 site/forms/package-lock.json 固定的版本安装；之后 make site 会带上 public/forms/
forms:
	cd site/forms && npm ci --no-audit --no-fund --loglevel=error

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf public build .cache
