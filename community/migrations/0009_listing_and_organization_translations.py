
import community.i18n.languages
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('community', '0008_chome_add_representative_point'),
    ]

    operations = [
        migrations.AlterField(
            model_name='signup',
            name='language',
            field=models.CharField(choices=community.i18n.languages.language_choices, default='ja', max_length=10, verbose_name='連絡に使う言語'),
        ),
        migrations.AlterField(
            model_name='user',
            name='preferred_language',
            field=models.CharField(choices=community.i18n.languages.language_choices, default='ja', max_length=10, verbose_name='表示言語'),
        ),
        migrations.CreateModel(
            name='ListingTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=community.i18n.languages.translation_languages, max_length=12, verbose_name='言語')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新日時')),
                ('title', models.CharField(blank=True, max_length=120, verbose_name='名称')),
                ('summary', models.CharField(blank=True, max_length=200, verbose_name='ひとことで')),
                ('description', models.TextField(blank=True, verbose_name='内容')),
                ('audience', models.CharField(blank=True, max_length=200, verbose_name='対象')),
                ('fee_text', models.CharField(blank=True, max_length=100, verbose_name='参加費')),
                ('extra', models.JSONField(blank=True, default=dict, verbose_name='この種類の掲載に固有の項目')),
                ('listing', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='community.listing', verbose_name='掲載')),
            ],
            options={
                'verbose_name': '掲載の翻訳',
                'verbose_name_plural': '掲載の翻訳',
                'ordering': ['listing', 'language'],
                'constraints': [models.UniqueConstraint(fields=('listing', 'language'), name='listing_translation_unique_language')],
            },
        ),
        migrations.CreateModel(
            name='OrganizationTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=community.i18n.languages.translation_languages, max_length=12, verbose_name='言語')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新日時')),
                ('name', models.CharField(blank=True, max_length=100, verbose_name='団体名')),
                ('description', models.TextField(blank=True, verbose_name='団体の紹介')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='community.organization', verbose_name='団体')),
            ],
            options={
                'verbose_name': '団体の翻訳',
                'verbose_name_plural': '団体の翻訳',
                'ordering': ['organization', 'language'],
                'constraints': [models.UniqueConstraint(fields=('organization', 'language'), name='organization_translation_unique_language')],
            },
        ),
    ]
