"""Celery's filesystem broker (`make run` with no REDIS_URL), safe for a worker to poll.

kombu's filesystem transport creates a message's file and then writes it. A worker that
polls in between takes the empty file, fails to decode it and stops consuming
("Unrecoverable error: JSONDecodeError"). Here each message is written under a name the
worker does not read, then renamed into place in one step.
"""

import os
import uuid
from time import monotonic

from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps

PARTIAL_SUFFIX = ".partial"  # the worker reads only names ending in ".<queue>.msg"


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        # kombu's own naming: ordered by time, then the queue the worker looks for.
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        path = os.path.join(self.data_folder_out, name)
        try:
            with open(path + PARTIAL_SUFFIX, "wb") as partial:
                partial.write(str_to_bytes(dumps(payload)))
            os.replace(path + PARTIAL_SUFFIX, path)  # atomic within one folder
        except OSError as exc:
            raise ChannelError(f"Cannot add file {path!r} to directory") from exc


class Transport(filesystem.Transport):
    Channel = Channel
