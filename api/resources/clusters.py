from django.db.models import Prefetch
from rest_framework import serializers

from api.ordering import in_editor_order
from api.publication.models import PublishedDocument
from api.resources.base import FeedViewSet
from api.resources.common import ReviewedItemSerializer
from api.resources.filters import AreaFilter, FeedFilterSet
from directory.choices import ServiceArea
from directory.models import Cluster, ClusterSetting, ClusterStaff


class ClusterSettingSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=ClusterSetting.Kind.choices)
    town = serializers.CharField()


class ClusterStaffSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=ClusterStaff.Role.choices)
    role_name = serializers.CharField(source="get_role_display")
    name = serializers.CharField()
    email = serializers.EmailField()
    phone = serializers.CharField()


class ClusterSerializer(ReviewedItemSerializer):
    resource = "clusters"

    name = serializers.CharField()
    quadrant = serializers.ChoiceField(choices=ServiceArea.choices)
    description = serializers.CharField()
    settings = ClusterSettingSerializer(many=True, source="settings.all")
    staff = ClusterStaffSerializer(many=True, source="staff.all")


class ClusterFilterSet(FeedFilterSet):
    locale = None  # clusters are not translated
    area = AreaFilter(help_text="A quadrant: north-east, mid, south, west.")

    source_model = Cluster

    class Meta:
        model = PublishedDocument
        fields = []


class ClusterViewSet(FeedViewSet):
    """Education, Early Years and SEND clusters and their allocated council staff."""

    resource = "clusters"
    serializer_class = ClusterSerializer
    filterset_class = ClusterFilterSet

    def source_queryset(self):
        return (
            self.base_queryset()
            .prefetch_related(
                Prefetch("settings", queryset=in_editor_order(ClusterSetting)),
                Prefetch("staff", queryset=in_editor_order(ClusterStaff)),
            )
            .order_by("name", "pk")
        )
