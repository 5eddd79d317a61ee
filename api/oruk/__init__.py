"""The Open Referral UK (HSDS-UK 3.0) open-data API at /api/oruk/: the public directory
in the shape national aggregators read. See docs/oruk.md."""
