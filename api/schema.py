def only_partner_api(endpoints):
    """drf-spectacular preprocessing hook: document the partner API, not the
    Wagtail admin's internal endpoints that share the URL conf."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
