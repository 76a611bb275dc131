"""Form data for Wagtail's page editor, as the admin would post it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def story_form(**overrides):
    data = {
        "title": "Een verhaal",
        "slug": "een-verhaal",
        "summary": "Samenvatting",
        "body": streamfield([]),
        "narrators": inline_formset([]),
        "depot_links": inline_formset([]),
        "access_level": "public",
        "text_language": "nl",
        "licence": "https://creativecommons.org/licenses/by/4.0/",
        "comment_notifications": False,
    }
    data.update(overrides)
    return nested_form_data(data)
