"""The sync loop in docs/api.md, run as a partner would run it: copied from the page,
over HTTP to a live server, through a rate limit it must wait out."""

import re

import pytest
from django.test import override_settings
from django.utils import timezone

from directory.factories import ServicePageFactory
from tests.conftest import REPO_ROOT, publish

pytestmark = pytest.mark.django_db(transaction=True)


def documented_sync_loop() -> str:
    page = (REPO_ROOT / "docs" / "api.md").read_text()
    after = page.split("A sync loop you can copy", 1)[1]
    return re.search(r"```python\n(.*?)```", after, re.DOTALL).group(1)


@override_settings(
    API_RATE_LIMITS={
        "partner_key": "1/second",
        "client_ip": "1000/minute",
        "feedback": "10/minute",
        "oruk_ip": "1000/minute",
    }
)
def test_the_documented_sync_loop_keeps_a_copy(live_server, sections, make_partner, clock):
    kept = publish(ServicePageFactory(parent=sections["council"], slug="kept"))
    leaving = publish(ServicePageFactory(parent=sections["council"], slug="leaving"))
    copy, cursors, statuses = {}, [], []
    partner = make_partner()
    namespace = {
        "KEY": partner.key,
        "store": lambda item: copy.__setitem__(item["id"], item),
        "remove": lambda item_id: copy.pop(item_id, None),
        "save_cursor": cursors.append,
    }
    code = documented_sync_loop().replace("https://cms.example.org", live_server.url)
    exec(compile(code, "docs/api.md", "exec"), namespace)

    def seen(response, *args, **kwargs):
        statuses.append(response.status_code)
        if response.status_code == 429:
            clock.shift(1)  # the second the client waits passes on the stopped clock too

    namespace["session"].hooks["response"].append(seen)
    # The clock stands still: both syncs' requests fall in one second's budget.
    clock.move_to(timezone.now(), tick=False)

    cursor = namespace["sync"]()
    assert set(copy) >= {str(kept.uuid), str(leaving.uuid)}
    assert copy[str(kept.uuid)]["title"] == kept.title

    leaving.unpublish()
    kept.title = "Kept, and renamed"
    publish(kept)
    cursor = namespace["sync"](cursor)  # at once: over the limit of 1 a second

    assert 429 in statuses  # waited out, then asked again
    assert str(leaving.uuid) not in copy
    assert copy[str(kept.uuid)]["title"] == "Kept, and renamed"
    assert copy[str(kept.uuid)]["version"] == 2
    assert cursors[-1] == cursor
