"""Session weekday/start time required once backfilled (0006), and the indexes the finders and lists read."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('community', '0013_session_local_weekday_time_and_listing_next_session'),
    ]

    operations = [
        migrations.AlterField(
            model_name='session',
            name='local_time',
            field=models.TimeField(editable=False, verbose_name='開始時刻（東京時間）'),
        ),
        migrations.AlterField(
            model_name='session',
            name='local_weekday',
            field=models.PositiveSmallIntegerField(choices=[(0, '月曜'), (1, '火曜'), (2, '水曜'), (3, '木曜'), (4, '金曜'), (5, '土曜'), (6, '日曜')], editable=False, verbose_name='曜日（東京時間）'),
        ),
        migrations.AddIndex(
            model_name='listing',
            index=models.Index(fields=['kind', 'status', 'next_session_at', 'title_kana', 'id'], name='listing_kind_next_session_idx'),
        ),
        migrations.AddIndex(
            model_name='listing',
            index=models.Index(fields=['next_session_at'], name='listing_next_session_idx'),
        ),
        migrations.AddIndex(
            model_name='session',
            index=models.Index(condition=models.Q(('is_cancelled', False)), fields=['local_weekday', 'starts_at'], name='session_weekday_start_idx'),
        ),
        migrations.AddIndex(
            model_name='session',
            index=models.Index(condition=models.Q(('is_cancelled', False)), fields=['starts_at', 'local_time'], name='session_start_time_idx'),
        ),
    ]
