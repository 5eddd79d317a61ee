"""Which team looks after an organisation, for rows that predate teams."""

from cms.teams import TeamOrShared

# NHS bodies are the health team's, the council the council's; schools, charities and
# the rest are shared by both teams.
TEAM_OF_KIND = {"nhs": TeamOrShared.HEALTH, "local-authority": TeamOrShared.COUNCIL}


def team_for_kind(kind: str) -> str:
    return TEAM_OF_KIND.get(kind, TeamOrShared.SHARED).value


def backfill_organisation_teams(organisation_model, translation_source_model, default_language):
    """Set every organisation's team from its kind; a translation takes its source's
    team (the source is the row in the language wagtail-localize translated from, else
    the row in `default_language`, else the oldest row). Takes the models as arguments,
    so that a migration can pass its historical ones. Returns how many rows changed."""
    rows = list(
        organisation_model.objects.values(
            "pk", "translation_key", "locale_id", "locale__language_code", "kind", "team"
        ).order_by("pk")
    )
    source_locales = dict(
        translation_source_model.objects.filter(
            object_id__in={row["translation_key"] for row in rows}
        ).values_list("object_id", "locale_id")
    )
    groups: dict = {}
    for row in rows:
        groups.setdefault(row["translation_key"], []).append(row)
    changed = 0
    for key, members in groups.items():
        source = (
            next((r for r in members if r["locale_id"] == source_locales.get(key)), None)
            or next((r for r in members if r["locale__language_code"] == default_language), None)
            or members[0]
        )
        team = team_for_kind(source["kind"])
        stale = [row["pk"] for row in members if row["team"] != team]
        changed += organisation_model.objects.filter(pk__in=stale).update(team=team)
    return changed
