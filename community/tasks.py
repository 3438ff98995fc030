"""Background tasks (django-tasks): run by `python manage.py db_worker`, see docs/outbox.md."""

from django_tasks import task


@task()
def deliver_outbox_message(message_id: int) -> str:
    """Send one outbox message (retries are scheduled by the service, not by the queue)."""
    from community.services.outbox import message_deliver

    return message_deliver(message_id=message_id)
