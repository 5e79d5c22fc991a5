"""Language-neutral paths of the events app, added to the site by the portal_urls hook."""

from django.urls import path

from events import embed, feeds

app_name = "events"

urlpatterns = [
    path("feeds/events.ics", feeds.events_ics, name="feed_ics"),
    path("feeds/events/<id:pk>.ics", feeds.event_ics, name="event_ics"),
    path("feeds/events.rss", feeds.events_rss, name="feed_rss"),
    path("embed/events/", embed.embed_events, name="embed"),
]
