from django.db import migrations

from community.migrations._fiction import move_to_registry


class Migration(migrations.Migration):

    dependencies = [
        ('community', '0020_demofiction'),
    ]

    operations = [
        move_to_registry('community.Organization'),
        migrations.RemoveField(
            model_name='historicalorganization',
            name='is_fictional',
        ),
        migrations.RemoveField(
            model_name='organization',
            name='is_fictional',
        ),
    ]
