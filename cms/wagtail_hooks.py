from wagtail import hooks

from cms.checks import use_local_offer_checks

hooks.register("construct_wagtail_userbar", use_local_offer_checks)
