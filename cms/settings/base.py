"""Settings shared by every mode. Values come from the environment (see .env.example).

With no DATABASE_URL and no REDIS_URL the project runs on embedded defaults kept
under LOCAL_DATA_DIR: SQLite, a file cache and Celery's filesystem broker, so a
worker and beat run beside the web server with no server software at all.
"""

from datetime import timedelta
from pathlib import Path

from cms.env import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
LOCAL_DATA_DIR = Path(env.path("LOCAL_DATA_DIR", BASE_DIR / "var")).resolve()

SECRET_KEY = env.str("SECRET_KEY", "")
DEBUG = env.bool("DEBUG", False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "cms",
    "home",
    "directory",
    "guides",
    "alerts",
    "api",
    "tasks",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "rest_framework_api_key",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "anymail",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that reads or writes the body: it compresses the final answer.
    "api.middleware.ApiGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: PostgreSQL from DATABASE_URL, else an SQLite file for a laptop.
DATABASES = {
    "default": env.dj_db_url(
        "DATABASE_URL",
        default=f"sqlite:///{LOCAL_DATA_DIR / 'db.sqlite3'}",
        conn_max_age=env.int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite creates the file but not its folder: made here, so that every command
    # (migrate on a fresh clone included) finds it.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Web, worker and beat share the file: WAL and a busy timeout keep them
    # from tripping over each other's locks.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, when given, is the cache, the Celery broker and the result backend. While it is
# unreachable the site keeps serving from the database (docs/operations.md): each call
# gives up after these timeouts, and Redis is tried again every REDIS_RETRY_SECONDS.
REDIS_URL = env.str("REDIS_URL", "")
REDIS_CONNECT_TIMEOUT = env.float("REDIS_CONNECT_TIMEOUT", 0.25)
REDIS_SOCKET_TIMEOUT = env.float("REDIS_SOCKET_TIMEOUT", 0.25)
REDIS_RETRY_SECONDS = env.float("REDIS_RETRY_SECONDS", 5)
# Every cache key starts with this, then the database's own namespace (cms/cache.py).
CACHE_KEY_PREFIX = env.str("CACHE_KEY_PREFIX", "localoffer")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "KEY_FUNCTION": "cms.cache.make_key",
            "OPTIONS": {
                "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
                "socket_timeout": REDIS_SOCKET_TIMEOUT,
            },
        }
    }
else:
    # A file cache, unlike local memory, is shared by web, worker and beat.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(LOCAL_DATA_DIR / "cache"),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "KEY_FUNCTION": "cms.cache.make_key",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the source language; partners read every locale.
LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    ("en", "English"),
    ("pl", "Polish"),
]

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", LOCAL_DATA_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Email: SMTP when EMAIL_HOST is set, otherwise printed to the console.
EMAIL_HOST = env.str("EMAIL_HOST", "")
EMAIL_PORT = env.int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", 30)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "Local Offer <local-offer@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The SEND information team: they receive alerts and digests (with the Maintainers group).
MAINTAINER_EMAILS = env.list("MAINTAINER_EMAILS", [])

# Wagtail
WAGTAIL_SITE_NAME = "Essex Local Offer"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Render published documents in the transaction that changes them, rather than on the
# worker after it commits (the test suite; a site with no worker).
PUBLICATION_RENDER_IMMEDIATELY = env.bool("PUBLICATION_RENDER_IMMEDIATELY", False)
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

# Wagtail's own background work (search index, reference index, image focal
# points, file deletion) goes through django-tasks; this backend hands it to the
# Celery worker once the saving transaction has committed.
TASKS = {"default": {"BACKEND": "tasks.django_tasks_backend.CeleryBackend"}}

# Celery (read by cms/celery.py with the CELERY_ namespace).
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    # A task taken by a worker that dies unacknowledged (acks_late) goes back on the
    # queue once it is this old, at the next of the workers' sweeps for such tasks
    # (every interval x throttle seconds).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", 3600),
        "unacked_restore_interval": env.int("CELERY_RESTORE_INTERVAL", 10),
        "unacked_restore_throttle": env.int("CELERY_RESTORE_THROTTLE", 10),
        # A publish from a web request gives up quickly on a dead or paused broker
        # (the change log keeps what it was for; see docs/operations.md).
        "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
        "socket_timeout": REDIS_SOCKET_TIMEOUT,
    }
    CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = REDIS_CONNECT_TIMEOUT
    CELERY_REDIS_SOCKET_TIMEOUT = REDIS_SOCKET_TIMEOUT
else:
    _broker_dir = LOCAL_DATA_DIR / "celery-broker"
    CELERY_BROKER_URL = "filesystem://localhost//"
    CELERY_BROKER_TRANSPORT = "cms.broker:Transport"  # kombu's, writing each file whole
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "control_folder": str(_broker_dir / "control"),
        # The worker looks for new files this often; the default (1 s) lets a
        # backlog drain at only a couple of tasks a second.
        "polling_interval": 0.05,
    }
    CELERY_RESULT_BACKEND = f"file://{LOCAL_DATA_DIR / 'celery-results'}"
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 60 * 60 * 24
CELERY_TIMEZONE = TIME_ZONE
# A task is acknowledged only once it has finished, so a worker that dies
# mid-task leaves it on the queue for the next one.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker that lost its broker reconnects however long the outage (the default gives up).
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE_FILENAME = str(LOCAL_DATA_DIR / "celerybeat-schedule")
# How often beat asks the worker to prove the pipeline is alive (see /health/).
HEARTBEAT_INTERVAL = env.float("HEARTBEAT_INTERVAL", 60.0)

# Django REST framework and the OpenAPI schema
# DRF's defaults, for every DRF view, the libraries' in the admin too (wagtail-localize's
# editor). The API's own views declare how they talk: api.conventions.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
# The API's JSON also as DRF's browsable pages (development).
API_BROWSABLE = False
SPECTACULAR_SETTINGS = {
    "TITLE": "Essex Local Offer API",
    "DESCRIPTION": (
        "The published SEND Local Offer (services, guides, partner pages, clusters, "
        "organisations and taxonomy) for partner sites."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["api.schema.only_partner_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.document_errors",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ServiceStatusEnum": "directory.models.ServicePage.Status",
        "OrganisationStatusEnum": "directory.models.Organisation.Status",
        "OrganisationKindEnum": "directory.models.Organisation.Kind",
        "ServiceAreaEnum": "directory.choices.ServiceArea",
    },
    "COMPONENT_SPLIT_REQUEST": True,
    # The docs page's assets are served by us: no CDN is needed to read them.
    # The docs page's Authorize box takes the partner key as it was given: a bare key is
    # sent as `Api-Key <key>` when trying the API out. (A string is passed to Swagger UI
    # as JavaScript; drf-spectacular's own request interceptor still runs after ours.)
    "SWAGGER_UI_SETTINGS": r"""{
      deepLinking: true,
      persistAuthorization: false,
      requestInterceptor: (request) => {
        const key = (request.headers.Authorization || "").trim();
        if (!request.loadSpec && key && !/^api-key\s/i.test(key)) {
          request.headers.Authorization = "Api-Key " + key;
        }
        return requestInterceptor(request);
      },
    }""",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Logs go to stdout, where the process manager or container runtime collects them.
LOG_LEVEL = env.str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Bounce parsing logs each detector it tries, and a traceback when a broken
        # message trips one: tasks.bounces.ingest logs those itself.
        "flufl.bounce": {"level": "CRITICAL"},
    },
}

# Content review: days between checks, per kind of listing (an editor may set
# a different interval on one listing).
REVIEW_INTERVAL_DAYS = {
    "directory.servicepage": env.int("REVIEW_INTERVAL_SERVICE_DAYS", 365),
    "directory.partnerpage": env.int("REVIEW_INTERVAL_PARTNER_DAYS", 365),
    "guides.guidepage": env.int("REVIEW_INTERVAL_GUIDE_DAYS", 365),
    # Cluster staff lists change often (seed 000): check them every term.
    "directory.cluster": env.int("REVIEW_INTERVAL_CLUSTER_DAYS", 120),
}

# Stale listings, review requests and the maintainer digest (docs/maintenance.md).
# A listing's contacts are asked to confirm it this many days before it falls due;
# the links in that email work for REVIEW_LINK_MAX_AGE_DAYS.
REVIEW_REQUEST_DAYS_BEFORE = env.int("REVIEW_REQUEST_DAYS_BEFORE", 30)
REVIEW_LINK_MAX_AGE_DAYS = env.int("REVIEW_LINK_MAX_AGE_DAYS", 90)
# An alert still open goes into the digest again after this many days.
DIGEST_REPEAT_DAYS = env.int("DIGEST_REPEAT_DAYS", 7)
# The envelope sender (Return-Path) of every email we send, where bounces go;
# blank means the address in DEFAULT_FROM_EMAIL.
EMAIL_RETURN_PATH = env.str("EMAIL_RETURN_PATH", "")
# Told of each recipient our mail server refuses while cms.email.send_email sends:
# record_refusal(refused, message_id=…, now=…), which counts it against the address.
EMAIL_REFUSAL_RECORDER = "tasks.bounces.smtp.record_refusal"

# Undelivered contact emails (docs/bounces.md). Every email's envelope sender is a signed
# VERP address naming its recipient (bounces+<token>@…): the mailbox of EMAIL_RETURN_PATH
# must accept plus-addressed mail, or set BOUNCE_VERP=false.
BOUNCE_VERP = env.bool("BOUNCE_VERP", True)
# Days with a temporary failure (4xx, delayed) after which an address counts as bounced.
BOUNCE_SOFT_THRESHOLD = env.int("BOUNCE_SOFT_THRESHOLD", 3)
# The mailbox bounces arrive in, polled by the worker: imaps://user:password@host/INBOX.
BOUNCE_IMAP_URL = env.str("BOUNCE_IMAP_URL", "")
BOUNCE_IMAP_POLL_SECONDS = env.float("BOUNCE_IMAP_POLL_SECONDS", 300)
BOUNCE_IMAP_DELETE = env.bool("BOUNCE_IMAP_DELETE", False)  # else marked read and left
# Email providers whose tracking webhooks (/anymail/<provider>/tracking/) are on:
# any of amazon_ses, mailgun, postmark, sendgrid.
BOUNCE_WEBHOOK_PROVIDERS = env.list("BOUNCE_WEBHOOK_PROVIDERS", [])
ANYMAIL = {
    name: value
    for name, value in {
        # user:password in the webhook URL (several, comma-separated, while rotating).
        "WEBHOOK_SECRET": env.list("ANYMAIL_WEBHOOK_SECRET", []),
        "MAILGUN_WEBHOOK_SIGNING_KEY": env.str("MAILGUN_WEBHOOK_SIGNING_KEY", ""),
        "SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY": env.str(
            "SENDGRID_WEBHOOK_VERIFICATION_KEY", ""
        ),
    }.items()
    if value  # an empty signing key would be a key anyone can sign with
}

# Image sizes the API offers (name -> Wagtail rendition filter).
API_IMAGE_RENDITIONS = {
    "thumbnail": "fill-200x200",
    "small": "max-480x480",
    "medium": "max-960x960",
    "large": "max-1920x1920",
}

# The partner API
# Where partners reach /api/v1/ (links in stored documents, the `api_url` of webhook
# payloads): the admin's address unless the API is served elsewhere. Production
# requires that address.
API_BASE_URL = env.str("API_BASE_URL", "") or WAGTAILADMIN_BASE_URL
API_RATE_LIMITS = {
    "partner_key": env.str("API_RATE_LIMIT_PER_KEY", "600/minute"),
    "client_ip": env.str("API_RATE_LIMIT_PER_IP", "1200/minute"),
    # Reader feedback (POST /api/v1/services/{id}/feedback/), per partner key.
    "feedback": env.str("API_FEEDBACK_RATE_LIMIT", "60/hour"),
    # The anonymous ORUK open-data API (/api/oruk/), per client IP.
    "oruk_ip": env.str("ORUK_RATE_LIMIT_PER_IP", "300/minute"),
}
# The ORUK API's addresses name the county (ORUK's required `state_province`).
ORUK_STATE_PROVINCE = env.str("ORUK_STATE_PROVINCE", "Essex")
API_ATTRIBUTION = {
    "publisher": env.str("API_PUBLISHER", "Essex County Council"),
    "licence": "Open Government Licence v3.0",
    "licence_url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}

# Partner webhooks (api/webhooks/): per-request timeout, retries with exponential
# backoff for about a day, and the run of failures after which an endpoint is disabled.
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", 10)
WEBHOOK_RETRY_BASE_SECONDS = env.float("WEBHOOK_RETRY_BASE_SECONDS", 30)
WEBHOOK_RETRY_MAX_DELAY_SECONDS = env.float("WEBHOOK_RETRY_MAX_DELAY_SECONDS", 4 * 3600)
WEBHOOK_RETRY_WINDOW_SECONDS = env.float("WEBHOOK_RETRY_WINDOW_SECONDS", 26 * 3600)
WEBHOOK_DISABLE_AFTER = env.int("WEBHOOK_DISABLE_AFTER", 20)
# A worker holds a delivery for the timeout plus this; if it dies, another takes over.
WEBHOOK_CLAIM_MARGIN_SECONDS = env.float("WEBHOOK_CLAIM_MARGIN_SECONDS", 30)
# Retries due within this go straight back on the queue; later ones wait for the sweep.
WEBHOOK_REQUEUE_MAX_SECONDS = 300
# Plain http to this machine (development, tests); never in production.
WEBHOOK_ALLOW_LOOPBACK = env.bool("WEBHOOK_ALLOW_LOOPBACK", False)
WEBHOOK_MAX_ENDPOINTS_PER_PARTNER = 10

# Abuse and forgery (docs/security.md) ---------------------------------------------------
# Proxies in front of the app that append to X-Forwarded-For (0: none, the header is
# ignored). The one source of the client address (cms.client_ip): the API's per-IP rate
# limits, DRF's own NUM_PROXIES, the login lockout, and gunicorn (gunicorn.conf.py).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", 0)
REST_FRAMEWORK["NUM_PROXIES"] = TRUSTED_PROXY_COUNT

# Sign-in lockout (django-axes): after LOGIN_FAILURE_LIMIT failed sign-ins for one username
# from one client address, that pair is refused for LOGIN_COOLOFF_MINUTES (each further
# try restarts it), with the reason on the sign-in page. `manage.py axes_reset_username`
# and its siblings unlock sooner.
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_COOLOFF_MINUTES = env.int("LOGIN_COOLOFF_MINUTES", 15)
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # last, as axes asks
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "cms.login.LockoutAwareLoginForm"
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.login.lockout_response"
AXES_COOLOFF_MESSAGE = (
    "Too many failed sign-in attempts for this account from your network. "
    f"Try again in {LOGIN_COOLOFF_MINUTES} minutes, or ask an administrator to unlock it."
)

# The admin in British English (docs/content-model.md) -----------------------------------
# Dates written out read "20 February 2024" (cms/formats). Only the admin: LANGUAGE_CODE and
# LANGUAGES above stay the content languages, so wagtail-localize's default locale, the
# public pages and the API (its locales, its Content-Language) are as they were.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en-gb", "British English")]
FORMAT_MODULE_PATH = ["cms.formats"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.locale.LocaleMiddleware") + 1,
    "cms.middleware.AdminLanguageMiddleware",
)
