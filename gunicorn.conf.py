"""gunicorn's settings file, read from the working directory (gunicorn's default `./gunicorn.conf.py`: the systemd
unit's WorkingDirectory, bench/run.py, the cluster test). Only the worker start lives here; the command lines keep
their options (workers, timeouts)."""


def post_worker_init(worker):
    """Each worker, once it has loaded the application (nerima_portal/wsgi.py) and before it accepts a connection:
    ask it for every public page in Japanese, with ふりがな and in English, and a few in each other language
    (nerima_portal/warm_pages.py), so that its first visitor gets a warm worker. It runs after the fork, in the worker, and leaves no database connection open."""
    from nerima_portal.warm_pages import warm_worker

    warm_worker(worker.wsgi, notify=worker.notify)
