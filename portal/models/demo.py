"""What the demo loader created, so that "deleted by an editor" differs from "never created"."""

from django.db import models


class DemoRecord(models.Model):
    """One object ``load_demo`` created: its demo key and the id it got.

    Keys look like ``page:villages.homestaypage:<parent id>:<Vietnamese slug>`` or
    ``image:<key>``. A record whose object no longer exists means staff deleted it:
    ``load_demo`` leaves it deleted; ``load_demo --reset`` creates it again.
    """

    key = models.CharField(max_length=255, unique=True)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "demo record"

    def __str__(self):
        return self.key
