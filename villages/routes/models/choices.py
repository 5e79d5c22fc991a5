"""The route's mode, difficulty (with colour and explanation) and shape."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Mode(models.TextChoices):
    WALK = "walk", _("Walk or trek")
    MOTORBIKE = "motorbike", _("Motorbike")
    BICYCLE = "bicycle", _("Bicycle")


class Difficulty(models.TextChoices):
    EASY = "easy", _("Easy")
    MODERATE = "moderate", _("Moderate")
    HARD = "hard", _("Hard")


class Shape(models.TextChoices):
    LOOP = "loop", _("Loop")
    ONE_WAY = "one_way", _("One way")


# Colour (with text contrast on white) and what the grade means for a visitor.
DIFFICULTY_STYLES = {
    Difficulty.EASY: (
        "#1f7a3a",
        _("Short and gentle, on good paths or roads. Fine for most visitors and children."),
    ),
    Difficulty.MODERATE: (
        "#9a5b00",
        _(
            "Some steep or rough stretches, or a long day. You need reasonable fitness, "
            "good shoes and water."
        ),
    ),
    Difficulty.HARD: (
        "#b3261e",
        _(
            "Long, very steep or on rough, remote paths. For fit, experienced visitors, "
            "best with a local guide."
        ),
    ),
}


def difficulty_colour(value):
    return DIFFICULTY_STYLES.get(value, ("#555555", ""))[0]


def difficulty_explanation(value):
    return DIFFICULTY_STYLES.get(value, ("", ""))[1]
