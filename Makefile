# Two commands on a fresh machine: `make run` and `make test`. Both set everything up first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: setup test lint typecheck unit bench run clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

# The test command the README and CI use: lint, strict types, then every test.
test: lint typecheck unit

# Benchmarks print their figures; they are not part of `make test`.
bench: $(STAMP)
	$(BIN)/python -m tests.bench

config.toml:
	cp config.example.toml config.toml
	@echo "Đã tạo config.toml từ config.example.toml; sửa chat_id và user id cho nhóm của bạn."

# Without a token (TELEGRAM_BOT_TOKEN) this plays the offline demo instead.
run: $(STAMP) config.toml
	$(BIN)/giaoban run --config config.toml --demo-without-token

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache *.egg-info
