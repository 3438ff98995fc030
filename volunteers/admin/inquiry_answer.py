"""「回答を送る」 for 加入の問い合わせ in the admin: a coordinator (or the association's stand-in) answers the resident.

Used when the association has no portal member and the area's coordinators received the inquiry. The answer
goes to the resident by mail through the outbox (or, for a phone-only inquiry, is recorded as phoned) and
the inquiry becomes 回答済み.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from volunteers.models import JoinInquiry
from volunteers.services import associations as services


class JoinInquiryAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("回答"), widget=forms.Textarea(attrs={"rows": 8}), max_length=3000, required=False,
        help_text=_("問い合わせた方にメールで届きます。会の連絡先や次の集まりなど、加入の手がかりを書いてください。"),
    )

    def __init__(self, *args, inquiry: JoinInquiry, **kwargs):
        super().__init__(*args, **kwargs)
        self.inquiry = inquiry
        if not inquiry.email:
            self.fields["answer"].help_text = _("メールアドレスのない方です。電話で答えたら、その要点を記録として書いてください。")

    def clean_answer(self):
        answer = self.cleaned_data["answer"].strip()
        if not answer:
            raise forms.ValidationError(_("回答を入力してください。"))
        return answer


class JoinInquiryAnswerMixin:
    """Adds the answer page and a link to it; the admin keeps its own list and change pages."""

    @property
    def answer_permission(self) -> str:
        return "volunteers.change_joininquiry"

    def get_urls(self):
        view = self.admin_site.admin_view(self.answer_view)
        return [path("<int:pk>/answer/", view, name="volunteers_joininquiry_answer"), *super().get_urls()]

    @staticmethod
    def answer_link(obj):
        label = _t("回答済み") if obj.status == JoinInquiry.Status.ANSWERED else _t("回答する")
        return format_html('<a href="{}">{}</a>', reverse("admin:volunteers_joininquiry_answer", args=[obj.pk]), label)

    def answer_view(self, request, pk):
        if not request.user.has_perm(self.answer_permission):
            raise PermissionDenied
        inquiry = get_object_or_404(JoinInquiry.objects.select_related("association__area"), pk=pk)
        form = JoinInquiryAnswerForm(request.POST or None, inquiry=inquiry)
        if request.method == "POST" and form.is_valid():
            services.join_inquiry_answer(inquiry=inquiry, by=request.user, answer=form.cleaned_data["answer"])
            if inquiry.email:
                messages.success(request, _t("%(name)sさんに回答をメールで送り、回答済みにしました。") % {"name": inquiry.name})
            else:
                messages.success(request, _t("電話で回答したことを記録し、回答済みにしました。"))
            return redirect("admin:volunteers_joininquiry_changelist")
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "original": inquiry, "form": form,
            "title": _t("加入の問い合わせに回答する（受付番号 %(reference)s）") % {"reference": inquiry.reference},
        }
        return TemplateResponse(request, "admin/volunteers/joininquiry/answer.html", context, status=400 if form.errors else 200)
