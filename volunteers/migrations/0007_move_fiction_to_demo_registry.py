from django.db import migrations

from community.migrations._fiction import move_to_registry


class Migration(migrations.Migration):

    dependencies = [
        ('volunteers', '0006_history_add_listing_contact_phone'),
        ('community', '0020_demofiction'),
    ]

    operations = [
        move_to_registry('volunteers.Cohort', 'volunteers.CommissionerDistrict', 'volunteers.Commissioner'),
        migrations.RemoveField(
            model_name='cohort',
            name='is_fictional',
        ),
        migrations.RemoveField(
            model_name='commissioner',
            name='is_fictional',
        ),
        migrations.RemoveField(
            model_name='commissionerdistrict',
            name='is_fictional',
        ),
    ]
