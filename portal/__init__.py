"""The portal: the site every app plugs into (pages, languages, search, safety, staff).

Where things live (each module's docstring says more):

- models/          BasePage, IndexPage, page_tabs; HomePage, StandardPage, TripPage, settings
- settings/        base, dev, test, production (everything production reads from the environment)
- urls.py          the site's URLs; apps add theirs through the portal_urls/portal_i18n_urls hooks
- i18n.py, languages.py, translation.py   languages, a page's URL per language, translated fields
- text.py, nfc.py, normalisation.py, slugs.py, collation.py   Vietnamese text: NFC, folding,
                   ASCII slugs, alphabetical order (ICU)
- search.py, search_backend.py, searching/, forms.py   the search index, the backend with
                   folding, the results page and its form
- params.py        one policy for every public query parameter (400 with a message, never 500)
- cards.py, home_sections.py, navigation.py, numbers.py   listings, the home page's sections,
                   key sections, "Tourism in numbers" (apps fill them through hooks)
- offline.py       the service worker and offline page (apps add assets: portal_offline_assets)
- api.py, api_images.py, address.py, public_address.py, partners.py, qr.py, sitemap.py, seo.py,
  structured_data.py   data for partners and search engines: API, absolute URLs, QR, JSON-LD
- middleware.py, faults.py, expiry.py, cache.py, login_throttle.py, uploads.py, validators.py
                   serving safely: CORS, Redis/database outages, expiry, cache clearing,
                   login throttling, upload limits
- staff.py, admin_menu.py, admin_views.py, coverage.py, wagtail_hooks.py   roles, moderation and
                   the admin's portal tools (translation coverage)
- backup.py, backup_format.py, bulk_pages.py, management/   backup/restore, bench data, commands
- demo/            the demo loader; each app adds its own ``demo`` module
"""
