"""The fields of an event in the API (/api/v2/events/): computed ones use events.serializers."""

API_FIELDS = []
