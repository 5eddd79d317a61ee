"""gunicorn's settings (read from the working directory, or `--config gunicorn.conf.py`).

Forwarded headers (X-Forwarded-Proto and the like) are honoured only from proxies the
operator declares with TRUSTED_PROXY_COUNT, the same setting Django reads for client
addresses (cms.client_ip). With none, gunicorn trusts no peer's forwarded headers; with
some, the app is reachable only through them, so whatever connects is one of them.
"""

from environs import Env

trusted_proxy_count = Env().int("TRUSTED_PROXY_COUNT", 0)
forwarded_allow_ips = "*" if trusted_proxy_count > 0 else ""
