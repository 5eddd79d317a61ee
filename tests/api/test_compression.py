"""The API's JSON is gzipped for clients that accept it; nothing else is."""

import gzip
import json

from directory.factories import ServicePageFactory
from tests.conftest import publish


def test_json_is_compressed_for_clients_that_accept_it(sections, partner_api):
    for number in range(30):
        publish(ServicePageFactory(parent=sections["council"], slug=f"service-{number}"))
    url = "/api/v1/services/?page_size=100"
    plain = partner_api.get(url)
    packed = partner_api.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert json.loads(gzip.decompress(packed.content)) == plain.json()
    assert len(packed.content) * 4 < len(plain.content)
    # Django makes the ETag weak on a compressed answer; it still validates.
    assert packed["ETag"] == f"W/{plain['ETag']}"
    again = partner_api.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"])
    assert again.status_code == 304


def test_the_open_data_feed_is_compressed_too(sections, client):
    publish(ServicePageFactory(parent=sections["council"]))
    response = client.get("/api/oruk/services", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(
        gzip.decompress(
            b"".join(response.streaming_content) if response.streaming else response.content
        )
    )


def test_admin_pages_are_not_compressed(admin_client):
    """They carry CSRF tokens: compressing them would open them to BREACH."""
    response = admin_client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert "Content-Encoding" not in response
