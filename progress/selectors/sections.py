"""施策1 「区民との協働と地域の支え合いをさらに推進する」, item by item: the plan's own words next to the figures
that show how far each 主な取組 has come. The figures come from each app's queries.py, nothing else.

The quotations are from the plan (seed document 資料２); the translations offered for other languages are ours.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from cafes import queries as cafes_queries
from community.figures import Table
from hiroba import queries as hiroba_queries
from international import queries as international_queries
from projects import queries as projects_queries
from volunteers import queries as volunteers_queries

QUERIES = {
    "volunteers": volunteers_queries,
    "cafes": cafes_queries,
    "hiroba": hiroba_queries,
    "projects": projects_queries,
    "international": international_queries,
}


@dataclass(frozen=True)
class Section:
    key: str
    group: str
    heading: str
    plan_words: str
    parts: tuple[tuple[str, str], ...]  # (app, part) handed to that app's queries.fiscal_year_tables

    def tables(self, fiscal_year, *, public: bool) -> list[Table]:
        tables = [t for app, part in self.parts for t in QUERIES[app].fiscal_year_tables(part, fiscal_year)]
        return [t for t in tables if t.public] if public else tables


GROUP_1 = _("重点取組1 地域の福祉力を支える担い手を応援する")
GROUP_2 = _("重点取組2 気軽に立ち寄れる居場所をつくる")
GROUP_3 = _("重点取組3 地域課題を自ら解決する力を引き出す")
GROUP_RELATED = _("関連する取組（外国人住民）")

SECTIONS = [
    Section(
        "associations", GROUP_1, _("（1）町会・自治会の活性化"),
        _("区では、引き続き、町会・自治会組織の基盤強化を促進するため、転入者へのパンフレット配布や地区祭での呼びかけなど、さまざまな機会を捉えて、町会・自治会と一緒に加入促進活動を行うとともに、"
          "町会・自治会が作成した「これからの町会・自治会運営のヒント集」を活用するなど、加入促進や活動の担い手確保に向けた取組を応援します。"),
        (("volunteers", "associations"),),
    ),
    Section(
        "commissioners", GROUP_1, _("（2）民生・児童委員の活動支援、制度の周知"),
        _("練馬区民生児童委員協議会と協働して、民生・児童委員が活動しやすい環境づくりに努めます。また、民生・児童委員活動を周知し、"
          "区民の理解を深めるとともに、地域の団体、関係機関等と連携して解決にあたるネットワークの充実に取り組みます。"),
        (("volunteers", "commissioners"),),
    ),
    Section(
        "college", GROUP_1, _("（3）「地域福祉パワーアップカレッジねりま」の充実"),
        _("福祉、防災、農、みどり、エコスタイルの５分野に拡大し、卒業生が各分野で活躍できるよう、町会・自治会をはじめ、"
          "人材を求める団体とのマッチングを行います。"),
        (("volunteers", "college"),),
    ),
    Section(
        "npo", GROUP_1, _("（4）ＮＰＯ法人（特定非営利活動法人）等の活動支援"),
        _("引き続き、区民協働交流センターの事業を通じて、ＮＰＯ法人等の設立、運営の強化、活動の充実につながる支援を行います。"),
        (("volunteers", "npo"),),
    ),
    Section(
        "care_cafes", GROUP_2, _("（1）街かどケアカフェの充実"),
        _("区民一人ひとりの自主的な介護予防や健康づくりの活動を促し、区全体へ広げていくため、地域団体や介護事業者等と連携し、"
          "身近な場所で介護予防等に取り組める環境づくりを進めます。"),
        (("cafes", "care_cafes"),),
    ),
    Section(
        "kids_cafes", GROUP_2, _("（2）練馬こどもカフェの開設"),
        _("身近な民間カフェの一部スペースを活用し、保護者同士が交流したり、子どもと一緒にリラックスできる場を提供するとともに、"
          "区内の私立幼稚園や保育事業者の協力を得て子育て講座等を実施し、在宅で子育てする世帯への支援を行います。"),
        (("cafes", "kids_cafes"),),
    ),
    Section(
        "plazas", GROUP_2, _("（3）「相談情報ひろば」事業の支援"),
        _("区は引き続き、人と地域をつなぐことを目指すとともに、相談情報ひろばを増設します。"),
        (("hiroba", "plazas"), ("hiroba", "consultations")),
    ),
    Section(
        "coordinators", GROUP_3, _("（1）地域福祉コーディネーターによる地域福祉の基盤づくり"),
        _("練馬区社会福祉協議会では、地域の住民や活動団体が、暮らしている地域に関心を持ち、地域の課題に気づき育ち合いながら"
          "地域づくりに関われるよう、「地域福祉協働推進員」への登録を呼びかけます。"),
        (("volunteers", "coordinators"),),
    ),
    Section(
        "grants", GROUP_3, _("（2）地域おこしプロジェクトの充実"),
        _("区民の自由な発想により、未来に向けた練馬の発展につながる活動を支援する「地域おこしプロジェクト」の実施団体を増やし、"
          "活動の発展段階に応じて助成額が増える仕組みや専門家による経営相談など、支援内容を充実します。"),
        (("projects", "grants"),),
    ),
    Section(
        "japanese", GROUP_RELATED, _("外国人のための日本語学習の支援"),
        _("外国人のコミュニケーション支援のために初級日本語講座やこどもにほんご教室を実施しています。また、区民の方々よって"
          "主体的に運営されているボランティア日本語教室の活動を支援します。"),
        (("international", "japanese_classes"),),
    ),
    Section(
        "desks", GROUP_RELATED, _("外国人のための相談窓口"),
        _("英語、中国語、韓国語、タガログ語による相談ができるほか、子育て支援や社会保障制度の案内など、様々な情報提供を行っています。"),
        (("international", "desks"),),
    ),
    Section(
        "exchange", GROUP_RELATED, _("多文化の相互理解のために交流の機会を提供"),
        _("外国人と日本人がお互いの文化や習慣の違いを理解し合い、交流を深められるよう、文化交流講座や「ねりまワールドフェスティバル」"
          "の開催など、様々な機会を提供します。"),
        (("international", "exchange"),),
    ),
]
SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}


def report(fiscal_year, *, public: bool) -> list[tuple[Section, list[Table]]]:
    return [(section, section.tables(fiscal_year, public=public)) for section in SECTIONS]
