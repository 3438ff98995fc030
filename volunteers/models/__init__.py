"""volunteers: the people who carry local welfare (担い手). One module per idea.

associations.py 町会・自治会 · commissioners.py 民生・児童委員 · collaborators.py コーディネーター・協働推進員・NPO支援
college.py パワーアップカレッジ · openings.py ボランティア募集とマッチング · hours.py 活動時間
"""

from volunteers.models.associations import *  # noqa: F403
from volunteers.models.collaborators import *  # noqa: F403
from volunteers.models.college import *  # noqa: F403
from volunteers.models.commissioners import *  # noqa: F403
from volunteers.models.hours import *  # noqa: F403
from volunteers.models.openings import *  # noqa: F403
