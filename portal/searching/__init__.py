"""Site search: candidates from the search backend, re-ranked (docs/SEARCH.md)."""
