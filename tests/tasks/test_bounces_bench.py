"""The ingestion benchmark (bench/bounces.py) runs, and leaves the database as it was."""

import pytest

from bench.bounces import run
from tasks.bounces.models import ContactAddress, DeliveryEvent


@pytest.mark.django_db
def test_the_benchmark_ingests_every_message_it_writes():
    result = run(messages=40, addresses=10)

    assert result["messages"] == 40
    assert result["events"] == 40  # one event recorded per message written
    assert result["messages_per_second"] > 0
    assert not ContactAddress.objects.exists()
    assert not DeliveryEvent.objects.exists()
