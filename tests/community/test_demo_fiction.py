"""The demo's register of made-up rows (community.demo_fiction) and the `is_fictional` annotation that reads it."""

import pytest
from django.contrib.contenttypes.models import ContentType

from community.demo_fiction import fictional_ids, is_fictional, mark_fictional, unmark_fictional
from community.models import DemoFiction, Listing, Organization
from tests.conftest import make_listing, make_organization


def test_marking_a_row_twice_registers_it_once(organization):
    mark_fictional(organization)
    mark_fictional(organization)

    assert DemoFiction.objects.count() == 1
    row = DemoFiction.objects.get()
    assert (row.content_type, row.object_id) == (ContentType.objects.get_for_model(Organization), organization.pk)


def test_marking_several_rows_at_once_and_again_with_more_adds_only_the_new_ones(organization, other_organization):
    third = make_organization("三つ目の会", name_kana="みっつめ")
    mark_fictional(organization, other_organization)
    mark_fictional(organization, other_organization, third)

    assert set(DemoFiction.objects.values_list("object_id", flat=True)) == {
        organization.pk, other_organization.pk, third.pk
    }


def test_an_unsaved_row_cannot_be_marked(db):
    with pytest.raises(ValueError, match="save the row"):
        mark_fictional(Organization(name="まだ保存していない会", name_kana="まだ"))
    assert not DemoFiction.objects.exists()


def test_with_fiction_says_true_for_marked_rows_and_false_for_the_rest(organization, other_organization):
    mark_fictional(other_organization)

    flags = dict(Organization.objects.with_fiction().values_list("name", "is_fictional"))

    assert flags == {organization.name: False, other_organization.name: True}
    assert list(Organization.objects.with_fiction().filter(is_fictional=True)) == [other_organization]
    assert is_fictional(other_organization) and not is_fictional(organization)


def test_the_same_id_in_another_table_is_not_fiction(organization):
    # A listing that happens to share the organization's id stays real: the content type is part of the key.
    make_listing(organization, id=organization.pk)
    mark_fictional(organization)

    assert not Listing.objects.with_fiction().get(pk=organization.pk).is_fictional
    assert Organization.objects.with_fiction().get(pk=organization.pk).is_fictional


def test_unmarking_takes_the_row_off_the_register_and_leaves_the_others(organization, other_organization):
    mark_fictional(organization, other_organization)

    unmark_fictional(organization)

    assert not is_fictional(organization) and is_fictional(other_organization)


def test_fictional_ids_serve_as_a_subquery(organization, other_organization):
    mark_fictional(other_organization)
    real_listing = make_listing(organization, title="本物の集い")
    made_up = make_listing(other_organization, title="架空の集い")

    assert list(Listing.objects.filter(organization__in=fictional_ids(Organization))) == [made_up]
    assert list(Listing.objects.exclude(organization__in=fictional_ids(Organization))) == [real_listing]


@pytest.mark.parametrize("count", [10, 1000])
def test_with_fiction_reads_every_flag_in_the_query_that_fetches_the_rows(db, count, django_assert_num_queries):
    organizations = Organization.objects.bulk_create(
        [Organization(name=f"会{i}", name_kana=f"かい{i}", kind="npo") for i in range(count)]
    )
    mark_fictional(*organizations[::2])

    # 1: the organizations, each with its EXISTS subquery on the register (no query per row).
    with django_assert_num_queries(1):
        flags = [organization.is_fictional for organization in Organization.objects.with_fiction().order_by("pk")]

    assert len(flags) == count
    assert flags == [i % 2 == 0 for i in range(count)]
