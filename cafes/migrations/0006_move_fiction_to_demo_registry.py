from django.db import migrations

from community.migrations._fiction import move_to_registry


class Migration(migrations.Migration):

    dependencies = [
        ('cafes', '0005_history_add_listing_contact_phone'),
        ('community', '0020_demofiction'),
    ]

    operations = [
        move_to_registry('cafes.CareCafe', 'cafes.KidsCafe'),
        migrations.RemoveField(
            model_name='carecafe',
            name='is_fictional',
        ),
        migrations.RemoveField(
            model_name='historicalcarecafe',
            name='is_fictional',
        ),
        migrations.RemoveField(
            model_name='historicalkidscafe',
            name='is_fictional',
        ),
        migrations.RemoveField(
            model_name='kidscafe',
            name='is_fictional',
        ),
    ]
