# make dataset: create .venv if missing, install, build dataset/ from raw/
# make test:    install the test extra into the same venv and run the suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

.PHONY: dataset test install bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) install -e '.[test]'
	touch $@

install: $(VENV)/.installed

dataset: $(VENV)/.installed
	$(VENV)/bin/timeline build raw -o dataset --rebuild

test: $(VENV)/.installed-test
	$(PY) -m pytest

bench: $(VENV)/.installed-test
	$(PY) benchmarks/accuracy.py
	$(PY) benchmarks/dates.py
	$(PY) benchmarks/adversarial.py
	$(PY) benchmarks/throughput.py 10000
	$(PY) benchmarks/pathological.py --mb 1
	$(PY) benchmarks/components.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
