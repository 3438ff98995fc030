from django.db import migrations

from community.migrations._fiction import move_to_registry


class Migration(migrations.Migration):

    dependencies = [
        ('hiroba', '0005_history_add_listing_contact_phone'),
        ('community', '0020_demofiction'),
    ]

    operations = [
        move_to_registry('hiroba.ConsultationDesk'),
        migrations.RemoveField(
            model_name='consultationdesk',
            name='is_fictional',
        ),
    ]
