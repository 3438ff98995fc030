"""The column lists of three datasets of the 自治体標準オープンデータセット (formerly 推奨データセット).

Source: the item definitions of 推奨データセット as published on 政府CIOポータル and renamed 自治体標準オープンデータセット
by デジタル庁, read from their machine-readable copy in github:NEC-FIWARE/smart-data-models, cio/06_イベント一覧,
cio/12_公共施設一覧 and cio/13_子育て施設一覧 (model.yaml / datamodels.md; the NGSI-only `location` attribute is not
a CSV column). デジタル庁's own pages could not be reached from here; docs/progress.md says what to check when
they can. Changing a list here changes the files, the tests and the documentation page together.
"""

# 全国地方公共団体コード of 練馬区 (東京都 13, 練馬区 120, check digit 2).
LG_CODE = "131202"
PREFECTURE = "東京都"
MUNICIPALITY = "練馬区"
LICENSE_NAME = "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/deed.ja"

COMMON = ["都道府県コード又は市区町村コード", "NO", "都道府県名", "市区町村名"]

EVENT_COLUMNS = COMMON + [
    "イベント名", "イベント名_カナ", "イベント名_英語", "開始日", "終了日", "開始時間", "終了時間", "開始日時特記事項", "説明",
    "料金(基本)", "料金(詳細)", "連絡先名称", "連絡先電話番号", "連絡先内線番号", "主催者", "場所名称", "住所", "方書",
    "緯度", "経度", "アクセス方法", "駐車場情報", "定員", "参加申込終了日", "参加申込終了時間", "参加申込方法", "URL", "備考",
]
EVENT_REQUIRED = ["イベント名", "イベント名_カナ", "開始日", "終了日", "開始時間", "終了時間", "説明", "場所名称", "住所"]

FACILITY_COLUMNS = COMMON + [
    "名称", "名称_カナ", "名称_通称", "POIコード", "住所", "方書", "緯度", "経度", "電話番号", "内線番号", "法人番号", "団体名",
    "利用可能曜日", "開始時間", "終了時間", "利用可能日時特記事項", "説明", "バリアフリー情報", "URL", "備考",
]
FACILITY_REQUIRED = ["名称", "名称_カナ", "住所"]

CHILDCARE_COLUMNS = COMMON + [
    "名称", "名称_カナ", "種別", "住所", "方書", "緯度", "経度", "アクセス方法", "駐車場情報", "電話番号", "内線番号", "FAX番号",
    "法人番号", "団体名", "認可等年月日", "収容定員", "受入年齢", "利用可能曜日", "開始時間", "終了時間", "利用可能日時特記事項",
    "一時預かりの有無", "URL", "備考",
]
CHILDCARE_REQUIRED = ["名称", "名称_カナ", "住所"]
# 種別 takes one of these values; a 練馬こどもカフェ is none of them, so the column stays empty (備考 says what it is).
CHILDCARE_KINDS = [
    "公立幼稚園", "私立幼稚園", "認可公立保育所", "認可私立保育所", "認可外保育所", "認定こども園（幼保連携型）",
    "認定こども園（幼稚園型）", "認定こども園（保育所型）", "認定こども園（地方裁量型）",
]


def common_cells(number) -> list:
    return [LG_CODE, number, PREFECTURE, MUNICIPALITY]
