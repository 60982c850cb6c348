# Siaga Banten. `make site` and `make test` do all set-up on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SIAGA := PYTHONPATH=scripts $(PY) -m siaga

.PHONY: site serve test check validate golden schema consent-report new-ksb import laporan lupakan zensical bench clean

# The virtual environment is rebuilt when a requirements file changes.
$(VENV)/.site-installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.site-installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## site: validate content/ and build the site into site/ (a failed build leaves site/ as it was)
site: $(VENV)/.site-installed
	$(SIAGA) build

## serve: live preview on http://127.0.0.1:8000, rebuilt when content/ changes
serve: $(VENV)/.site-installed
	$(SIAGA) serve --addr 127.0.0.1:8000

## validate: check every content file and report all problems, writing nothing
validate: $(VENV)/.site-installed
	$(SIAGA) validate

## test: run every test (unit, golden site, bundled site, browser)
test: $(VENV)/.dev-installed
	$(PY) -m pytest

## check: the gate for a push: lint, content validation and mkdocs build --strict
check: $(VENV)/.dev-installed
	$(PY) -m ruff check scripts tests
	$(SIAGA) check

## new-ksb: answer a few questions and get a new, valid KSB file (never overwrites one)
new-ksb: $(VENV)/.site-installed
	@$(SIAGA) ksb-baru

## laporan: a posko's WhatsApp message becomes a report file, e.g. make laporan FILE=pesan.txt (or the text on stdin)
laporan: $(VENV)/.site-installed
	@$(SIAGA) laporan "$$FILE"

## lupakan: remove a name or number from the whole git history, e.g. make lupakan TEKS="0812-3456-7890"
lupakan: $(VENV)/.site-installed
	@test -n "$$TEKS" || { echo 'Tulis: make lupakan TEKS="nama lengkap atau nomor telepon"'; exit 2; }
	@$(SIAGA) lupakan "$$TEKS"

## import: KSB from a spreadsheet, e.g. make import FILE=data.xlsx (columns as in templat/ksb.csv)
import: $(VENV)/.site-installed
	@test -n "$(FILE)" || { echo "Tulis: make import FILE=nama-berkas.csv (atau .xlsx)"; exit 2; }
	@$(SIAGA) impor "$(FILE)"

## zensical: build the same generated pages with Zensical (Material's successor); fails if the two sites differ
# Zensical 0.0.74 and later need zensical-ui, which the package registry does not have: 0.0.73 is pinned.
ZENSICAL_VENV := .venv-zensical
$(ZENSICAL_VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet --disable-pip-version-check zensical==0.0.73 -r requirements.txt
	touch $@

zensical: site $(ZENSICAL_VENV)/.installed
	@# Zensical has no output-folder option and wants its config in the project root: a generated copy.
	$(PY) scripts/zensical_config.py > zensical.yml
	PYTHONPATH=scripts $(ZENSICAL_VENV)/bin/zensical build --clean -f zensical.yml
	$(PY) scripts/zensical_compare.py site .build/zensical

## bench: grow a copy of the content to 1,000 and 10,000 synthetic KSB, build, and write bench/RESULTS.md
bench: $(VENV)/.dev-installed
	$(PY) scripts/bench.py $(SIZES)

## consent-report: everyone the site publishes, with KSB, role and consent date (for a UU 27/2022 request)
consent-report: $(VENV)/.site-installed
	@$(SIAGA) persetujuan

## golden: regenerate the golden site expectation after an intended change to the pages
golden: $(VENV)/.site-installed
	$(PY) tests/golden_site.py

## schema: rewrite content/SKEMA.md, the maintainer's field reference, from the model
schema: $(VENV)/.site-installed
	$(SIAGA) skema > content/SKEMA.md

clean:
	rm -rf site .build docs/*/ docs/*.md zensical.yml .cache
