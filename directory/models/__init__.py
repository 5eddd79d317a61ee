from .clusters import Cluster, ClusterSetting, ClusterStaff
from .organisations import Organisation
from .pages import DirectoryIndexPage, PartnerPage
from .services import ServiceContact, ServiceLocation, ServicePage, ServiceSchedule
from .taxonomy import TaxonomyTerm, Vocabulary

__all__ = [
    "Cluster",
    "ClusterSetting",
    "ClusterStaff",
    "DirectoryIndexPage",
    "Organisation",
    "PartnerPage",
    "ServiceContact",
    "ServiceLocation",
    "ServicePage",
    "ServiceSchedule",
    "TaxonomyTerm",
    "Vocabulary",
]
