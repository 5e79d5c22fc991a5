"""Staff with an English browser get the admin in Vietnamese, on every screen of the
main path: create (with a validation error), edit, submit for moderation, image
upload errors, and a moderator's review (dashboard and the approve/reject dialog).

What is checked is the text a person sees (``inner_text``), plus the page's HTML for
the strings the issue listed, and Wagtail's JavaScript catalogue (``gettext`` in the
page), which draws the editor's buttons and messages.
"""

import io
import itertools
import json
import urllib.request

import pytest

pytestmark = pytest.mark.browser

ADMIN = ("admin", "binhlieu-admin")
ENGLISH_BROWSER = {"locale": "en-GB", "extra_http_headers": {"Accept-Language": "en-GB,en"}}
MAX_UPLOAD = (
    "10,0 MB"  # WAGTAILIMAGES_MAX_UPLOAD_SIZE (10 MiB) in Vietnamese (NBSP read as a space)
)

# The English the issue found in the admin, and English that would stand beside them.
ENGLISH_STRINGS = [
    "Save draft",
    "The page could not be created due to validation errors",
    "The page could not be saved due to validation errors",
    "Go to the first error",
    "Autosave is paused",
    "View / edit fields for",
    "Add images",
    "Sorry, upload failed.",
    "This file is too big",
    "Maximum filesize",
    "Page title*",
    "Submit for moderation",
    "has been submitted for approval",
    "Awaiting your review",
    "Request changes",
    "Approve with comment",
    "has been approved",
    "There are validation errors",
    "Autosave is",
    "Save your changes before leaving",
    "unsaved edits",
    "More actions",
    "Supported formats",
    "has been submitted for moderation",
    "View draft",
    "Drag and drop images",
    "Or choose from your computer",
    "Please provide an image description",
    "The page title as you'd like",
]
JS_STRINGS = ["Insert a block", "Toggle side panel", "Move up", "Duplicate", "Yes", "No"]
_numbers = itertools.count(1)


def home_page_id(site_url):
    """The id of the served test site's home page, as its public API gives it."""
    with urllib.request.urlopen(f"{site_url}/api/v2/pages/?type=portal.HomePage") as response:
        items = json.load(response)["items"]
    assert len(items) == 1, items
    return items[0]["id"]


def no_english(page, where):
    """Neither the visible text nor the HTML of ``page`` holds a listed English string."""
    text, html = page.inner_text("body"), page.content()
    for english in ENGLISH_STRINGS:
        assert english not in text, (where, english)
        assert english not in html, (where, english)
    assert page.locator("html").get_attribute("lang") == "vi", where
    return text


def log_in(browser, site_url, username, password):
    context = browser.new_context(**ENGLISH_BROWSER)
    page = context.new_page()
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{site_url}/admin/")
    return context, page


@pytest.fixture
def add_page_path(site_url):
    """The admin's address for adding a standard page under the home page."""
    return f"/admin/pages/add/portal/standardpage/{home_page_id(site_url)}/"


@pytest.fixture
def english_admin(browser, site_url):
    context, page = log_in(browser, site_url, *ADMIN)
    yield page
    context.close()


def test_the_admin_speaks_vietnamese_to_an_english_browser(english_admin, site_url, add_page_path):
    page = english_admin
    for path in (
        "/admin/",
        "/admin/pages/",
        "/admin/images/multiple/add/",
        add_page_path,
    ):
        page.goto(f"{site_url}{path}")
        no_english(page, path)


def test_the_page_create_screen_shows_the_language_bar_and_title_placeholder_in_vietnamese(
    english_admin, site_url, add_page_path
):
    page = english_admin
    page.goto(f"{site_url}{add_page_path}")
    assert "Xem / sửa các trường bằng" in page.content()
    assert page.locator("#id_title_vi").get_attribute("placeholder") == "Tiêu đề trang*"


def test_the_editors_javascript_strings_are_vietnamese(english_admin, site_url, add_page_path):
    page = english_admin
    page.goto(f"{site_url}{add_page_path}")
    for english in JS_STRINGS:
        translated = page.evaluate("text => window.gettext(text)", english)
        assert translated != english, english


def save_draft(page):
    page.locator("button.action-save").first.click()
    page.wait_for_load_state("networkidle")


def submit_for_moderation(page):
    # The button sits in the footer's dropdown: click it as the dropdown item would.
    with page.expect_navigation():
        page.locator('button[name="action-submit"]').evaluate("button => button.click()")


def test_create_edit_and_submit_screens_are_vietnamese(english_admin, site_url, add_page_path):
    page = english_admin
    page.goto(f"{site_url}{add_page_path}")

    save_draft(page)  # no title: the form comes back with errors
    text = no_english(page, "create with errors")
    assert "Không thể tạo trang" in text
    assert "Đến lỗi đầu tiên" in text

    n = next(_numbers)
    page.fill("#id_title_vi", f"Trang kiểm duyệt {n}")
    save_draft(page)
    assert "/edit/" in page.url
    text = no_english(page, "edit")
    assert "Lưu bản nháp" in text

    submit_for_moderation(page)
    text = no_english(page, "submitted")
    assert f"Trang “Trang kiểm duyệt {n}” đã được gửi kiểm duyệt." in text


def big_png():
    """A valid PNG of about 12 MB (uncompressed pixels), over the 10 MiB limit."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2000, 2000), (40, 120, 60)).save(buffer, "PNG", compress_level=0)
    return buffer.getvalue()


def vietnamese_megabytes(size):
    """12_000_000 bytes → "11,4 MB" (binary megabytes, one decimal, a decimal comma)."""
    return f"{size / 1024 / 1024:.1f}".replace(".", ",") + " MB"


def test_upload_errors_are_vietnamese(english_admin, site_url):
    page = english_admin
    data = big_png()

    page.goto(f"{site_url}/admin/images/multiple/add/")
    page.set_input_files(
        "#fileupload",
        [
            {"name": "anh-qua-lon.png", "mimeType": "image/png", "buffer": data},
            {"name": "khong-phai-anh.jpg", "mimeType": "image/jpeg", "buffer": b"chu, khong anh"},
        ],
    )
    failures = page.locator("#upload-list li.upload-failure")
    failures.nth(1).wait_for()
    page.wait_for_function(
        "() => [...document.querySelectorAll('#upload-list .error_messages')]"
        ".every(el => el.textContent.trim())"
    )
    text = no_english(page, "multiple upload errors")
    assert text.count("Rất tiếc, tải lên không thành công.") == 2
    too_big = failures.nth(0).locator(".error_messages").inner_text().replace("\xa0", " ")
    assert "quá lớn" in too_big and MAX_UPLOAD in too_big

    page.goto(f"{site_url}/admin/images/add/")
    page.fill("#id_title", "Ảnh quá lớn")
    page.set_input_files(
        "#id_file", {"name": "anh-qua-lon.png", "mimeType": "image/png", "buffer": data}
    )
    with page.expect_navigation():
        page.locator("form[enctype='multipart/form-data'] button[type=submit]").first.click()
    text = no_english(page, "single upload error").replace("\xa0", " ")
    assert f"Tệp này quá lớn ({vietnamese_megabytes(len(data))})" in text
    assert f"Dung lượng tối đa là {MAX_UPLOAD}" in text


def create_moderator(page, site_url):
    """A moderator account, made by the admin on Wagtail's own Users screen."""
    n = next(_numbers)
    username, password = f"kiem-duyet-{n}", "Suong mu tren Binh Lieu 2026!"
    page.goto(f"{site_url}/admin/users/new/")
    page.fill("#id_username", username)
    page.fill("#id_email", f"{username}@example.org")
    page.fill("#id_first_name", "Lan")
    page.fill("#id_last_name", "Hoàng")
    page.fill("#id_password1", password)
    page.fill("#id_password2", password)
    page.locator("#tab-label-roles").click()
    page.get_by_label("Kiểm duyệt viên (Moderators)").check()
    with page.expect_navigation():
        page.locator("#w-editor-form button[type=submit]").first.click()
    assert "/admin/users/new/" not in page.url, page.inner_text("body")[:500]
    return username, password


def test_a_moderators_review_screens_are_vietnamese(
    english_admin, browser, site_url, add_page_path
):
    page = english_admin
    moderator = create_moderator(page, site_url)
    n = next(_numbers)
    title = f"Trang chờ duyệt {n}"
    page.goto(f"{site_url}{add_page_path}")
    page.fill("#id_title_vi", title)
    save_draft(page)
    submit_for_moderation(page)

    context, review = log_in(browser, site_url, *moderator)
    try:
        text = no_english(review, "moderator's dashboard")
        assert "Đang chờ bạn duyệt" in text
        panel = review.locator("#awaiting-review-section")
        assert title in panel.inner_text()
        row = panel.locator("tr", has_text=title)

        row.locator("[data-w-dropdown-target=toggle], .w-dropdown__toggle").first.click()
        row.locator("button[data-workflow-action-url*='/reject/']").click()
        dialog = review.locator(".modal-dialog, [role=dialog]").filter(has=review.locator("form"))
        dialog.first.wait_for()
        dialog_text = dialog.first.inner_text()
        for english in ENGLISH_STRINGS + ["Comment", "Cancel"]:
            assert english not in dialog_text, english
        review.goto(f"{site_url}/admin/")  # leave the dialog unsent

        row.locator("[data-w-dropdown-target=toggle], .w-dropdown__toggle").first.click()
        with review.expect_navigation():
            row.locator(
                "button[data-workflow-action-url*='/approve/']:not([data-launch-modal])"
            ).click()
        text = no_english(review, "approved")
        assert title in text
    finally:
        context.close()
