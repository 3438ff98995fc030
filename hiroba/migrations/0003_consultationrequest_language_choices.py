
import community.i18n.languages
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('hiroba', '0002_private_subsidy_reports'),
    ]

    operations = [
        migrations.AlterField(
            model_name='consultationrequest',
            name='language',
            field=models.CharField(choices=community.i18n.languages.language_choices, default='ja', max_length=10, verbose_name='話したい言語'),
        ),
    ]
