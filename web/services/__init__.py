"""Services: the work behind the pages and commands, with no Flask imports.

Plain functions over a SQLAlchemy session; views (web/<blueprint>), commands
(web/cli) and background work call them, passing the worker's matcher when needed
(web.extensions). Each flushes; the caller (a request, a command or a job) commits once.
"""
