"""Bench-only middleware: the number of SQL queries a request ran, as a header.

Listed first in MIDDLEWARE by bench/bench_settings.py (this project) and by the
settings bench/run.py writes into its bakerydemo copy, never in the project's own
settings. Header ``X-Bench-Queries: <int>`` counts every query on every database
connection while the response is built (a streamed body's later queries are not
counted).
"""

from contextlib import ExitStack

from django.db import connections


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(counter))
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(count)
        return response
