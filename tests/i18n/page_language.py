"""The language rules of a finished page, checked on its HTML (used by the crawl in test_crawl.py).

On a page that is not in Japanese (en, zh-hans, ko, tl):
- no Japanese outside an element marked lang="ja…" (text, and the alt, title, aria-label and placeholder
  attributes that screen readers speak). On Chinese pages only kana and kanji that simplified Chinese does not
  use count as Japanese (練, 駅, 無 …), since Chinese is written in Han characters too;
- every lang="ja" element that is not a name (translate="no") sits in a block that carries the notice
  「この内容は日本語のみです」 (.ja-only-note): the nearest [data-ja-block] around it (one notice for a
  printed table, say), else the nearest card (an li or article with its own heading), tr, main, aside,
  header or footer;
On a Tagalog page: no English interface word (TAGALOG_FORBIDDEN) outside lang="en" and lang="ja" elements.
<title> is left out: it cannot mark part of itself, and the page's h1 carries the same name, marked.
"""

import re
from html.parser import HTMLParser

KANA_RE = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆]")
BLOCKS = {"li", "tr", "article", "main", "aside", "header", "footer", "dialog"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SPOKEN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
SKIP_TEXT = {"script", "style", "title", "template"}
# English words that must not be left in the Tagalog interface (each was once found there).
TAGALOG_FORBIDDEN = re.compile(
    r"\b(College|Home|Waiting list|Waitlist|Deadline|Search|Sign up|Sign in|Log in|Log out|Submit|Cancel"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July"
    r"|August|September|October|November|December|Required|Optional|Details|Contact|Apply|Free|Area"
    r"|Next|Previous|Back|Save|Delete|Edit|Close|Open|Place|Time|Date|Fee|Phone|Address)\b"
)


def japanese_in(text: str, language: str) -> bool:
    """Is there Japanese in text written in `language`? (Han characters are Chinese on a Chinese page.)"""
    if KANA_RE.search(text):
        return True
    if language.startswith("zh"):
        for char in HAN_RE.findall(text):
            try:
                char.encode("gb2312")
            except UnicodeEncodeError:
                return True
        return False
    return bool(HAN_RE.search(text))


class _Frame:
    __slots__ = ("tag", "lang", "translate_no", "is_block", "marked_block", "has_note", "has_heading", "pending")

    def __init__(self, tag, lang, translate_no, is_block, marked_block=False):
        self.tag, self.lang, self.translate_no, self.is_block = tag, lang, translate_no, is_block
        self.marked_block, self.has_note, self.has_heading, self.pending = marked_block, False, False, []

    @property
    def is_card(self) -> bool:
        """An li or article is a block of its own only when it has its own heading (a card, not a tag list)."""
        return self.tag not in ("li", "article") or self.has_heading or self.marked_block


class PageLanguageChecker(HTMLParser):
    def __init__(self, page_language: str):
        super().__init__(convert_charrefs=True)
        self.page_language = page_language
        self.stack: list[_Frame] = [_Frame("#document", page_language, False, True)]
        self.problems: list[str] = []

    # --- where we are -------------------------------------------------------------------------
    def _lang(self) -> str:
        for frame in reversed(self.stack):
            if frame.lang:
                return frame.lang
        return self.page_language

    def _inside(self, tags) -> bool:
        return any(frame.tag in tags for frame in self.stack)

    def _block(self) -> _Frame:
        """An element marked data-ja-block holds one notice for all inside it; else the nearest item or main."""
        marked = [frame for frame in self.stack if frame.marked_block]
        return marked[-1] if marked else next(frame for frame in reversed(self.stack) if frame.is_block)

    # --- parser callbacks ---------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = (attributes.get("lang") or "").lower() or None
        translate_no = attributes.get("translate") == "no"
        classes = (attributes.get("class") or "").split()
        effective = lang or self._lang()
        for name in SPOKEN_ATTRIBUTES:
            value = attributes.get(name) or ""
            if value and not effective.startswith("ja") and japanese_in(value, effective):
                self.problems.append(f'Japanese in {name}="{value[:40]}" of <{tag}> outside lang="ja"')
        if "ja-only-note" in classes:
            self._block().has_note = True
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            item = next((frame for frame in reversed(self.stack) if frame.tag in ("li", "article")), None)
            if item is not None:
                item.has_heading = True
        if (
            lang and lang.startswith("ja") and not translate_no and not self._lang().startswith("ja")
            # A form control holds what the person typed; an option is a label to pick (a language's own name).
            and tag not in ("input", "textarea", "select", "option")
        ):
            self._block().pending.append(f"<{tag} lang={lang}> at line {self.getpos()[0]}")
        if tag in VOID:
            return
        marked = "data-ja-block" in attributes
        self.stack.append(_Frame(tag, lang, translate_no, tag in BLOCKS or marked, marked))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                for frame in reversed(self.stack[index:]):
                    self._close(frame)
                del self.stack[index:]
                return

    def _close(self, frame: _Frame) -> None:
        if not (frame.is_block and frame.pending) or frame.has_note:
            return
        if not frame.is_card:  # a plain list item: its block is the one around it
            outer = next(f for f in reversed(self.stack[: self.stack.index(frame)]) if f.is_block)
            outer.pending += frame.pending
        else:
            self.problems.append(f"Japanese without the 「日本語のみ」 notice in its <{frame.tag}>: {frame.pending[0]}")
        frame.pending = []

    def handle_data(self, data):
        text = data.strip()
        if not text or self._inside(SKIP_TEXT):
            return
        lang = self._lang()
        if not lang.startswith("ja") and japanese_in(text, lang):
            self.problems.append(f"Japanese outside lang=\"ja\": {text[:50]!r}")
        if self.page_language == "tl" and not lang.startswith(("en", "ja")):
            for word in TAGALOG_FORBIDDEN.findall(text):
                self.problems.append(f"English in the Tagalog interface: {word!r} in {text[:50]!r}")

    def close(self):
        super().close()
        for frame in reversed(self.stack):
            self._close(frame)


def language_problems(html: str, page_language: str) -> list[str]:
    """Every broken language rule of the page; [] on Japanese and やさしい日本語 pages for the Japanese rules."""
    if page_language.startswith("ja"):
        return []
    checker = PageLanguageChecker(page_language)
    checker.feed(html)
    checker.close()
    return checker.problems
