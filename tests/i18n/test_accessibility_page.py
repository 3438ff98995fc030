"""ウェブアクセシビリティ方針: the page says what the last test run measured, in every language."""

import datetime as dt

import pytest

from nerima_portal import accessibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_file(tmp_path, monkeypatch):
    path = tmp_path / "report.json"
    monkeypatch.setattr(accessibility, "REPORT", path)
    accessibility.write_report(
        accessibility.Report(
            standard="JIS X 8341-3:2016", level="AA", tested_on=dt.date(2026, 12, 7),
            languages=["ja", "en", "zh-hans", "ko", "tl", "ja-x-easy"], pages=["/", "/cafes/"], page_count=12,
            axe_tags=["wcag2a", "wcag2aa"], violations=0, result="pass",
        ),
        path,
    )
    return path


def test_the_policy_page_shows_the_standard_the_date_the_languages_and_the_result(client, report_file):
    page = client.get("/accessibility/").content.decode()
    assert "JIS X 8341-3:2016 AA" in page
    assert "2026年12月7日" in page
    assert '<span lang="tl" translate="no">Tagalog</span>' in page
    assert '<span lang="ja-x-easy" translate="no">やさしい日本語</span>' in page
    assert "12ページ" in page and "2種類のページ" in page
    assert "すべてのページで問題は見つかりませんでした。" in page
    assert "<code>/cafes/</code>" in page


def test_the_policy_page_is_translated_and_linked_from_every_footer(client, report_file):
    page = client.get("/en/accessibility/").content.decode()
    assert "Web accessibility policy" in page and "No problems were found on any page." in page
    assert 'href="/en/accessibility/"' in client.get("/en/cafes/").content.decode()


def test_a_failed_run_is_reported_as_failed(client, report_file):
    report = accessibility.read_report(report_file)
    failed = accessibility.Report(**{**report.__dict__, "violations": 3, "result": "fail"})
    accessibility.write_report(failed, report_file)
    assert "3件の問題が見つかりました。" in client.get("/accessibility/").content.decode()


def test_the_committed_report_is_complete():
    report = accessibility.read_report()
    assert report is not None
    assert report.standard == "JIS X 8341-3:2016" and report.level == "AA"
    assert report.languages == ["ja", "en", "zh-hans", "ko", "tl", "ja-x-easy"]
    assert report.pages and report.page_count >= len(report.pages)
