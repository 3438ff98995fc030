"""Login with allauth's rate limits, answered with HTTP 429 once a limit is reached.

allauth counts failed logins per account and per client (ACCOUNT_RATE_LIMITS["login_failed"]) and, from the limit
on, refuses before any password is checked; it shows that as a form error with status 200. Here the same refusal
is a 429 with a plain Japanese explanation, so people, scripts and the access log all see what happened.
"""

from allauth.account.views import LoginView
from django.forms.forms import NON_FIELD_ERRORS

RATE_LIMITED = "too_many_login_attempts"


class PortalLoginView(LoginView):
    def form_invalid(self, form):
        limited = form.has_error(NON_FIELD_ERRORS, RATE_LIMITED)
        response = self.render_to_response(self.get_context_data(form=form, rate_limited=limited))
        if limited:
            response.status_code = 429
        return response


login = PortalLoginView.as_view()
