from urllib.parse import urlencode

from django.shortcuts import render

from hiroba.forms.consultations import FinderForm
from hiroba.selectors import find_answers


def finder(request):
    """相談先さがし: a plain GET form; answers appear under it once a topic is chosen."""
    form = FinderForm(request.GET if "topic" in request.GET else None)
    answers = question = None
    if form.is_bound and form.is_valid():
        question = form.question()
        answers = find_answers(question)
    template = "hiroba/finder_print.html" if request.GET.get("print") and answers is not None else "hiroba/finder.html"
    query = request.GET.copy()
    query.pop("print", None)
    # What 相談受付 takes over from this search (see hiroba/forms/carry_over.py).
    carried = {key: query[key] for key in ("topic", "area", "address", "language") if query.get(key)}
    context = {
        "form": form, "answers": answers, "question": question, "query": query.urlencode(),
        "request_query": urlencode(carried),
    }
    return render(request, template, context)
