import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

application = get_wsgi_application()

# Anonymous answers the page cache keeps are served before Django's middleware.
from portal.front_cache import wrap  # noqa: E402  (needs the settings loaded above)

application = wrap(application)
