"""The College and openings demo: every cohort state, 30+ openings, differing matches, idempotent."""

from volunteers.demo import college as demo_college
from volunteers.models import ClassAttendance, Cohort, CollegeApplication, Opening, VolunteerProfile
from volunteers.selectors.matching import ProfileFacts, matching_openings


def _counts():
    return [m.objects.count() for m in (Cohort, CollegeApplication, ClassAttendance, Opening, VolunteerProfile)]


def test_the_demo_shows_each_state_and_loading_twice_changes_nothing(demo_data):
    first = _counts()  # after the first load (the demo_data fixture)
    demo_college.load()
    assert _counts() == first

    phases = {cohort.phase() for cohort in Cohort.objects.all()}
    assert phases == {Cohort.Phase.INTAKE_OPEN, Cohort.Phase.IN_CLASS, Cohort.Phase.GRADUATED}
    published = Opening.objects.accepting()
    assert published.count() >= 30
    assert set(published.values_list("field", flat=True)) == {"welfare", "disaster", "farm", "green", "eco"}
    assert published.values("area").distinct().count() == 4
    assert VolunteerProfile.objects.visible_to_organizations().filter(
        user__college_applications__status="graduated"
    ).exists()

    tops = set()
    for profile in VolunteerProfile.objects.filter(user__email__startswith="resident").prefetch_related("areas"):
        ranked = matching_openings(ProfileFacts.of(profile))
        assert ranked, profile.user.email
        tops.add(ranked[0].opening.pk)
    assert len(tops) == 3
