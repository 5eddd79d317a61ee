"""Admin views shared by the partner API's viewsets."""

from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.views import generic


class SecretShownOnceCreateView(generic.CreateView):
    """Creates the object, then shows its secret once on `secret_template_name`: only a
    hash or an encrypted copy is kept. Subclasses set `self.secret` in save_instance."""

    secret_template_name: str
    secret: str

    def save_action(self):
        if self.expects_json_response:
            return super().save_action()
        return TemplateResponse(
            self.request,
            self.secret_template_name,
            {
                **self.get_context_data(),
                "secret": self.secret,
                "created": self.object,
                "index_url": reverse(self.index_url_name),
            },
        )
