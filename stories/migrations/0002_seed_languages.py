"""The languages Rotterdam's communities tell their stories in; curators can add more."""

from django.db import migrations

LANGUAGES = [
    ("nl", "Nederlands", "Dutch"),
    ("en", "Engels", "English"),
    ("pap", "Papiaments", "Papiamento"),
    ("srn", "Sranantongo", "Sranan Tongo"),
    ("kea", "Kaapverdisch Creools", "Cape Verdean Creole"),
    ("tr", "Turks", "Turkish"),
    ("ar", "Arabisch", "Arabic"),
    ("ary", "Marokkaans Arabisch", "Moroccan Arabic"),
    ("zgh", "Tamazight", "Tamazight"),
    ("pt", "Portugees", "Portuguese"),
    ("es", "Spaans", "Spanish"),
    ("id", "Indonesisch", "Indonesian"),
    ("jv", "Javaans", "Javanese"),
    ("zh", "Chinees", "Chinese"),
    ("pl", "Pools", "Polish"),
    ("so", "Somalisch", "Somali"),
    ("fy", "Fries", "Frisian"),
    ("nl-x-rotterdams", "Rotterdams", "Rotterdam dialect"),
]


def seed(apps, schema_editor):
    Language = apps.get_model("stories", "Language")
    for code, name_nl, name_en in LANGUAGES:
        Language.objects.update_or_create(code=code, defaults={"name_nl": name_nl, "name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("stories", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
