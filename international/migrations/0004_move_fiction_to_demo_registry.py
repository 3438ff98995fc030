from django.db import migrations

from community.migrations._fiction import move_to_registry


class Migration(migrations.Migration):

    dependencies = [
        ('international', '0003_history_add_listing_contact_phone'),
        ('community', '0020_demofiction'),
    ]

    operations = [
        move_to_registry('international.JapaneseClass', 'international.ExchangeEvent'),
        migrations.RemoveField(
            model_name='exchangeevent',
            name='is_fictional',
        ),
        migrations.RemoveField(
            model_name='historicalexchangeevent',
            name='is_fictional',
        ),
        migrations.RemoveField(
            model_name='historicaljapaneseclass',
            name='is_fictional',
        ),
        migrations.RemoveField(
            model_name='japaneseclass',
            name='is_fictional',
        ),
    ]
