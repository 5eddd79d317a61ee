"""The maintenance jobs in the Wagtail admin: dashboard panels, the review report, the
"Mark as reviewed" actions and the alerts. Registered in tasks/wagtail_hooks.py; see the
"In the admin" section of docs/maintenance.md."""
