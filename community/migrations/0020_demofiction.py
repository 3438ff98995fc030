# The registry of rows the demo made up (issue 19): it replaces the is_fictional columns, which the apps'
# next migrations copy into it and then remove.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('community', '0019_organization_add_hours_text'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='DemoFiction',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField(verbose_name='データのID')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype', verbose_name='データの種類')),
            ],
            options={
                'verbose_name': '架空のデモデータ',
                'verbose_name_plural': '架空のデモデータ',
                'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='demofiction_one_row_once')],
            },
        ),
    ]
