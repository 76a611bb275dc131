# The command index. Quick start: `make demo`, `make test`.
.PHONY: demo setup migrate load-demo serve test test-fast postgres-start postgres-stop messages lock clean

PY := .venv/bin/python
DEMO_ADDR ?= 127.0.0.1:8000

demo: setup migrate load-demo serve  ## set up, load the demo and serve http://127.0.0.1:8000

setup:
	bin/setup

migrate: setup
	$(PY) manage.py migrate --no-input -v0

load-demo: migrate
	$(PY) manage.py load_demo_data

serve:
	@echo "Brengkunst runs on http://$(DEMO_ADDR)/ (admin: http://$(DEMO_ADDR)/admin/)"
	$(PY) manage.py runserver $(DEMO_ADDR)

test:  ## every suite: SQLite, PostgreSQL where present; summary at the end
	bin/test

test-fast: setup  ## SQLite only, stop at the first failure
	DATABASE_URL=sqlite:///:memory: $(PY) -m pytest -x tests

postgres-start:
	bin/postgres-dev start

postgres-stop:
	bin/postgres-dev stop

messages:  ## refresh and compile the Dutch and English message files
	$(PY) manage.py makemessages -l nl -l en --ignore=.venv --ignore=var
	$(PY) manage.py compilemessages --ignore=.venv

lock:  ## re-pin requirements.lock from the current virtual environment
	$(PY) -m pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf var/db.sqlite3 var/uploads var/static
