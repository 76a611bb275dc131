"""Give every depot item a URL-safe key for /depot/<key>/ (see depot.models.url_slug_for)."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from depot.models import url_slug_for

    DepotItem = apps.get_model("depot", "DepotItem")
    for item in DepotItem.objects.all().only("pk", "inventory_number"):
        DepotItem.objects.filter(pk=item.pk).update(url_slug=url_slug_for(item.inventory_number))


class Migration(migrations.Migration):
    dependencies = [("depot", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="depotitem",
            name="url_slug",
            field=models.CharField(editable=False, max_length=140, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="depotitem",
            name="url_slug",
            field=models.CharField(editable=False, max_length=140, unique=True),
        ),
    ]
