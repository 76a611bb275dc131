"""People belong to a community (filled for existing people by the next migration)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("stories", "0003_text_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="community",
            field=models.ForeignKey(
                blank=True,
                help_text="Its curators see and edit this person. Without one, only museum staff do.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="people",
                to="stories.communitypage",
                verbose_name="community",
            ),
        ),
    ]
