from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """django.contrib.admin with the portal's site: two factors for staff, sign-in through allauth."""

    default_site = "community.admin_site.PortalAdminSite"
