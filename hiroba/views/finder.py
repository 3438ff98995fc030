from urllib.parse import urlencode

from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from community.fragments import cached_value
from hiroba.forms.consultations import FinderForm
from hiroba.selectors import Question, find_answers

# The answers follow the content version (any publish or edit retires them); plazas open and close by date and
# cafés count by their upcoming sessions, so a set of answers is kept no longer than a cached page.
ANSWERS_SECONDS = 5 * 60


def _question_key(question: Question) -> str:
    """Everything the answers depend on: the same question asked in other words (「豊玉北５－３」) shares them."""
    places = (getattr(question, name) for name in ("area", "town", "chome"))
    where = ":".join(str(place.pk) if place is not None else "-" for place in places)
    return f"{question.topic}:{where}:{','.join(sorted(question.ways))}:{question.language}"


def answers_fragment(request, question: Question, heading_level: str = "") -> tuple[int, str]:
    """(how many answers, their list as HTML), from the shared cache per question, content version and language:
    the answers read six kinds of desks and places (about two thirds of the page's work)."""

    def answer():
        answers = find_answers(question)
        context = {"answers": answers, "heading_level": heading_level}
        return len(answers), render_to_string("hiroba/_answers.html", context) if answers else ""

    count, html = cached_value(
        "hiroba-finder-answers", f"{heading_level}:{_question_key(question)}", answer,
        request=request, seconds=ANSWERS_SECONDS,
    )
    return count, mark_safe(html)  # noqa: S308 (our own template's output, escaped when rendered)


def finder(request):
    """相談先さがし: a plain GET form; answers appear under it once a topic is chosen."""
    form = FinderForm(request.GET if "topic" in request.GET else None)
    answer_count = answers = question = None
    printing = bool(request.GET.get("print"))
    if form.is_bound and form.is_valid():
        question = form.question()
        answer_count, answers = answers_fragment(request, question, heading_level="2" if printing else "")
    template = "hiroba/finder_print.html" if printing and answers is not None else "hiroba/finder.html"
    query = request.GET.copy()
    query.pop("print", None)
    # What 相談受付 takes over from this search (see hiroba/forms/carry_over.py).
    carried = {key: query[key] for key in ("topic", "area", "address", "language") if query.get(key)}
    context = {
        "form": form, "answers": answers, "answer_count": answer_count, "question": question,
        "query": query.urlencode(), "request_query": urlencode(carried),
    }
    return render(request, template, context)
