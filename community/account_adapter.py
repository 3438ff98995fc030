"""django-allauth's mails (address confirmation, password reset) go through the outbox like every other mail."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.template.loader import render_to_string
from django.utils import translation

from community.mails import MAIL_ENGINE
from community.services.outbox import mail_queue


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render allauth's plain-text templates without HTML escaping and queue the mail."""
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        subject = render_to_string(f"{template_prefix}_subject.txt", ctx, using=MAIL_ENGINE)
        body = render_to_string(f"{template_prefix}_message.txt", ctx, using=MAIL_ENGINE).strip()
        mail_queue(
            to=email,
            subject=self.format_email_subject(subject.strip()),
            body=body,
            kind=template_prefix,
            language=translation.get_language() or "ja",
        )
