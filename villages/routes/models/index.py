"""The list of routes."""

from django.utils.translation import gettext_lazy as _

from portal.models import IndexPage


class RouteIndexPage(IndexPage):
    subpage_types = ["routes.RoutePage"]

    class Meta:
        verbose_name = _("route index")
        verbose_name_plural = _("route indexes")

    def get_context(self, request, *args, **kwargs):
        from villages.routes.display import routes_for_listing

        context = super().get_context(request, *args, **kwargs)
        return self.add_listing(context, request, "routes", routes_for_listing(self))
