from io import StringIO

from django.core.management import call_command


def test_no_pending_migrations(db):
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:  # makemigrations --check exits 1 when changes are missing
        raise AssertionError(f"Models and migrations differ:\n{out.getvalue()}") from exit_
