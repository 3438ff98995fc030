"""Ward-scale data for `make bench`, made the way the portal makes it (run by bench/run.py).

    DJANGO_SETTINGS_MODULE=nerima_portal.settings python -m bench.seed --scale 1

Ward scale (× --scale): 5,000 organizations, 1,000 cafés, 20,000 upcoming sessions, 100,000 sign-ups and
2,000 volunteer openings, on top of the demo data. Growing is in place: --scale 10 after --scale 1 adds what is
missing. Cafés, lectures and openings go through the services a member and staff use (create → approve), and
sessions through the schedule generator. Organizations, their places and representatives, residents and
sign-ups are bulk-inserted as the rows those services write (history rows included), because 1,000,000
sign-ups one transaction at a time would take hours. Every name says it is fictional bench data.
"""

import argparse
import datetime as dt
import os
import random
import sys
import time

import django

WARD_SCALE = {"organizations": 5000, "cafes": 1000, "sessions": 20000, "signups": 100000, "openings": 2000}
HIRAGANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"
TAG = "（ベンチ用の架空データ）"
EMAIL_DOMAIN = "bench.invalid"  # RFC 2606: never delivered


def kana_number(number: int, width: int = 4) -> str:
    """A number written in hiragana digits, so bench readings sort like real ones and pass the hiragana rule."""
    digits = []
    for _ in range(width):
        number, digit = divmod(number, len(HIRAGANA))
        digits.append(HIRAGANA[digit])
    return "".join(reversed(digits))


def log(message: str) -> None:
    print(f"  [seed] {message}", flush=True)


class Seeder:
    def __init__(self, scale: int):
        from django.utils import timezone

        from community.models import Area, Chome

        self.scale = scale
        self.random = random.Random(scale)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.areas = list(Area.objects.all())
        self.chomes = list(Chome.objects.select_related("town__area"))

    def target(self, name: str) -> int:
        return WARD_SCALE[name] * self.scale

    # --- organizations, their places and representatives (bulk, as organization_apply + approval write them) --

    def organizations(self) -> None:
        from django.contrib.auth.hashers import make_password
        from simple_history.utils import bulk_create_with_history

        from community.demo_fiction import mark_fictional
        from community.models import Membership, Organization, Place, PublicationStatus, User

        missing = self.target("organizations") - Organization.objects.count()
        if missing <= 0:
            return
        start = Organization.objects.filter(name__endswith=TAG).count()
        kinds = [choice for choice, _label in Organization.Kind.choices if choice not in ("ward", "shakyo")]
        unusable = make_password(None)
        users, organizations, places = [], [], []
        for i in range(start, start + missing):
            kind = kinds[i % len(kinds)]
            chome = self.random.choice(self.chomes)
            label = dict(Organization.Kind.choices)[kind]
            users.append(User(email=f"rep{i}@{EMAIL_DOMAIN}", full_name=f"代表 {i}{TAG}", password=unusable))
            organizations.append(Organization(
                kind=kind, name=f"{chome.town.name}{label}{i}{TAG}", name_kana=f"べんち{kana_number(i)}",
                description=f"{chome.town.name}で活動する{label}です。{TAG}", area=chome.town.area,
                address=f"東京都練馬区{chome}", status=PublicationStatus.PUBLISHED, published_at=self.now,
            ))
            places.append(Place(
                name=f"{chome.town.name}集会所{i}{TAG}", name_kana=f"しゅうかいじょ{kana_number(i)}",
                address=f"東京都練馬区{chome}{1 + i % 30}番", chome=chome, nearest_station="練馬",
                walk_minutes=1 + i % 15, wheelchair_accessible=i % 3 == 0, has_accessible_toilet=i % 4 == 0,
            ))
        User.objects.bulk_create(users, batch_size=2000)
        organizations = bulk_create_with_history(organizations, Organization, batch_size=2000)
        mark_fictional(*organizations)
        users = list(User.objects.filter(email__in=[user.email for user in users]).order_by("pk"))
        Membership.objects.bulk_create(
            [Membership(organization=org, user=user, role=Membership.Role.REPRESENTATIVE)
             for org, user in zip(organizations, users, strict=True)],
            batch_size=2000,
        )
        for org, place in zip(organizations, places, strict=True):
            place.organization = org
        bulk_create_with_history(places, Place, batch_size=2000)
        log(f"organizations: +{missing} (with places and representatives)")

    def _bench_organizations(self, kinds):
        from community.models import Organization

        return list(
            Organization.objects.filter(name__endswith=TAG, kind__in=kinds).prefetch_related("places").order_by("pk")
        )

    # --- cafés, lectures and their schedules (services: listing_create → publishable_approve → generate) ------

    def cafes(self) -> None:
        from cafes.models import Activity, CareCafe, ChildcareLecture, KidsCafe
        from community.demo_fiction import mark_fictional
        from community.services.moderation import publishable_approve
        from community.services.organizations import listing_create

        missing = self.target("cafes") - CareCafe.objects.count() - KidsCafe.objects.count()
        if missing <= 0:
            return
        hosts = self._bench_organizations(["houkatsu", "volunteer", "npo", "chokai", "business", "childcare"])
        activities = list(Activity.objects.all())
        start = CareCafe.objects.filter(title__endswith=TAG).count() + KidsCafe.objects.filter(title__endswith=TAG).count()
        created = 0
        for i in range(start, start + missing):
            organization = hosts[i % len(hosts)]
            place = organization.places.all()[0]
            if i % 7 == 6:
                cafe = KidsCafe(
                    title=f"こどもカフェ{place.chome.town.name}{i}{TAG}", title_kana=f"こどもかふぇ{kana_number(i)}",
                    summary="赤ちゃん連れで過ごせるカフェの一角です。", place=place, age_min=0, age_max=3,
                    stroller_ok=i % 2 == 0, has_nursing_room=i % 3 == 0,
                )
            else:
                travelling = i % 11 == 0
                cafe_type = CareCafe.CafeType.TRAVELLING if travelling else self.random.choice(
                    [CareCafe.CafeType.GATHERING, CareCafe.CafeType.WARD_FACILITY, CareCafe.CafeType.SHOP]
                )
                cafe = CareCafe(
                    title=f"ケアカフェ{place.chome.town.name}{i}{TAG}", title_kana=f"けあかふぇ{kana_number(i)}",
                    summary="体操とお茶で、気軽に立ち寄れる居場所です。", cafe_type=cafe_type,
                    partner_shop="ベンチ薬局" if cafe_type == CareCafe.CafeType.SHOP else "",
                    place=None if travelling else place, is_free=i % 2 == 0, fee_text="無料" if i % 2 == 0 else "100円",
                    signup_required=i % 2 == 1,
                )
            listing_create(organization=organization, listing=cafe)
            mark_fictional(cafe)
            if isinstance(cafe, CareCafe):
                cafe.activities.set(self.random.sample(activities, 3))
            publishable_approve(obj=cafe)
            self._schedules(cafe, visiting=place if cafe.place is None else None, signup=i % 2 == 1)
            if isinstance(cafe, KidsCafe) and i % 3 == 0:
                lecture = ChildcareLecture(
                    title=f"子育て講座{i}{TAG}", title_kana=f"こそだてこうざ{kana_number(i)}", kids_cafe=cafe,
                    topic=self.random.choice(ChildcareLecture.Topic.values), place=place,
                )
                listing_create(organization=organization, listing=lecture)
                publishable_approve(obj=lecture)
                self._schedules(lecture, signup=True, weeks="2")
            created += 1
            if created % 500 == 0:
                log(f"cafés: {created}/{missing}")
        log(f"cafés: +{missing} (kids' cafés with lectures among them)")

    def _schedules(self, listing, *, visiting=None, signup: bool, weeks: str = "", count: int | None = None) -> None:
        from community.models import RecurringSchedule
        from community.services.schedules import schedule_generate_sessions

        count = count or (1 if weeks else (2 if self.random.random() < 0.5 else 1))
        days = self.random.sample(range(6), count)
        for day in days:
            start = self.random.choice([dt.time(10), dt.time(13, 30), dt.time(14), dt.time(9, 30)])
            schedule = RecurringSchedule(
                listing=listing, weekday=day, weeks_of_month=weeks, start_time=start,
                end_time=(dt.datetime.combine(self.today, start) + dt.timedelta(hours=2)).time(),
                valid_from=self.today - dt.timedelta(days=30), place=visiting,
                capacity=self.random.choice([10, 15, 20, 30]) if signup else None, signup_required=signup,
            )
            schedule.full_clean()
            schedule.save()
            schedule_generate_sessions(schedule=schedule)

    def sessions(self) -> None:
        """More schedules on bench cafés until the upcoming sessions reach the target (holidays and 年末年始 skip dates)."""
        from django.utils import timezone

        from cafes.models import CareCafe
        from community.models import Session

        cafes = list(CareCafe.objects.filter(title__endswith=TAG, place__isnull=False).order_by("pk"))
        added = 0
        while cafes and (missing := self.target("sessions") - Session.objects.filter(starts_at__gte=timezone.now()).count()) > 0:
            for cafe in self.random.sample(cafes, min(len(cafes), max(1, missing // 12))):
                self._schedules(cafe, signup=cafe.signup_required, count=1)
                added += 1
        log(f"sessions: {added} more schedules")

    # --- volunteer openings (services: opening_save → publishable_approve) --------------------------------------

    def openings(self) -> None:
        from community.services.moderation import publishable_approve
        from volunteers.models import Opening
        from volunteers.models.college import ActivityField
        from volunteers.services.openings import opening_save

        missing = self.target("openings") - Opening.objects.count()
        if missing <= 0:
            return
        hosts = self._bench_organizations(["npo", "volunteer", "chokai", "houkatsu"])
        start = Opening.objects.filter(title__endswith=TAG).count()
        for n, i in enumerate(range(start, start + missing), start=1):
            organization = hosts[i % len(hosts)]
            field = ActivityField.values[i % len(ActivityField.values)]
            opening = Opening(
                organization=organization, title=f"{ActivityField(field).label}のお手伝い{i}{TAG}",
                title_kana=f"おてつだい{kana_number(i)}", summary="月に数回、2時間ほど手伝ってくださる方を募集します。",
                field=field, area=self.areas[i % len(self.areas)], weekdays=[i % 7], times=[["am"], ["pm"]][i % 2],
                people_needed=1 + i % 5, closes_on=self.today + dt.timedelta(days=7 + i % 120),
                contact_text=f"{organization.name}（ポータルの応募フォームから）",
            )
            opening_save(opening=opening, submit=True)
            publishable_approve(obj=opening)
            if n % 1000 == 0:
                log(f"openings: {n}/{missing}")
        log(f"openings: +{missing}")

    # --- sign-ups (bulk, as signup_create writes them: confirmed while seats last, then waitlisted) -----------

    def signups(self) -> None:
        from django.contrib.auth.hashers import make_password

        from community.models import Session, SignUp, User

        missing = self.target("signups") - SignUp.objects.count()
        if missing <= 0:
            return
        residents = list(User.objects.filter(email__startswith="resident", email__endswith=EMAIL_DOMAIN).values_list("pk", "full_name"))
        wanted = 10000 * self.scale
        if len(residents) < wanted:
            unusable = make_password(None)
            User.objects.bulk_create(
                [User(email=f"resident{i}@{EMAIL_DOMAIN}", full_name=f"区民 {i}{TAG}", password=unusable)
                 for i in range(len(residents), wanted)],
                batch_size=5000,
            )
            residents = list(User.objects.filter(email__startswith="resident", email__endswith=EMAIL_DOMAIN).values_list("pk", "full_name"))
        # Only sessions nobody has signed up for yet: growing to 10× never signs a resident up twice.
        sessions = list(
            Session.objects.filter(signup_required=True, is_cancelled=False, starts_at__gte=self.now, signups__isnull=True)
            .order_by("pk")
            .values_list("pk", "capacity")
        )
        per_session = max(1, -(-missing // max(len(sessions), 1)))
        batch, made = [], 0
        for session_id, capacity in sessions:
            if made >= missing:
                break
            taken = 0
            people = self.random.sample(residents, min(per_session, missing - made))
            for user_id, name in people:
                party = 1 if self.random.random() < 0.8 else 2
                fits = capacity is None or taken + party <= capacity
                taken += party if fits else 0
                created = self.now - dt.timedelta(minutes=self.random.randint(1, 60 * 24 * 30))
                batch.append(SignUp(
                    session_id=session_id, user_id=user_id, name=name, party_size=party, language="ja",
                    status=SignUp.Status.CONFIRMED if fits else SignUp.Status.WAITLISTED, created_at=created,
                ))
            made += len(people)
            if len(batch) >= 5000:
                SignUp.objects.bulk_create(batch)
                batch = []
        SignUp.objects.bulk_create(batch)
        log(f"sign-ups: +{made} over {len(sessions)} sessions")

    def run(self) -> dict:
        from django.test.utils import override_settings

        from nerima_portal.search.index import index_refresh, writes_deferred

        started = time.monotonic()
        # Approval mails go to fictional representatives: dropped, like load_demo's. The search index is written
        # once at the end instead of on each of a listing's saves (half of a café's or an opening's cost: three
        # saves each, every one rebuilding its index row).
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), writes_deferred():
            for step in (self.organizations, self.cafes, self.sessions, self.openings, self.signups):
                began = time.monotonic()
                step()
                log(f"{step.__name__} took {time.monotonic() - began:.0f} s")
        # Bulk-inserted rows send no signals: bring the search index up to date as an import would.
        log(f"search index: {index_refresh()} rows written")
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        log(f"done in {time.monotonic() - started:.0f} s")
        return counts()


def counts() -> dict:
    from django.utils import timezone

    from cafes.models import CareCafe, KidsCafe
    from community.models import Organization, Session, SignUp
    from volunteers.models import Opening

    return {
        "organizations": Organization.objects.count(),
        "cafes": CareCafe.objects.count() + KidsCafe.objects.count(),
        "sessions": Session.objects.filter(starts_at__gte=timezone.now()).count(),
        "signups": SignUp.objects.count(),
        "openings": Opening.objects.count(),
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--demo", action="store_true", help="migrate and load the demo data first")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nerima_portal.settings")
    django.setup()
    from django.core.management import call_command

    if args.demo:
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_demo", verbosity=0)
    print("  [seed] " + ", ".join(f"{k} {v:,}" for k, v in Seeder(args.scale).run().items()), flush=True)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
