"""Browser tests never reach the internet: every request to another host than the
test server is aborted (map tiles included), which is also how a phone without
signal sees the tile server."""

import re

LOCAL = re.compile(r"^https?://(127\.0\.0\.1|localhost)(:\d+)?/")


def block_the_internet(context):
    """Abort every request of ``context`` (a Playwright BrowserContext) that leaves
    the test server. Returns the list of aborted URLs, filled as they happen."""
    aborted = []

    def handle(route):
        if LOCAL.match(route.request.url):
            route.continue_()
        else:
            aborted.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    return aborted
