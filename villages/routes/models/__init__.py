"""Routes: the index, route pages, their stages and stops."""

from .choices import Difficulty, Mode, Shape
from .index import RouteIndexPage
from .parts import RouteStage, RouteStop
from .route import RoutePage

__all__ = ["Difficulty", "Mode", "RouteIndexPage", "RoutePage", "RouteStage", "RouteStop", "Shape"]
